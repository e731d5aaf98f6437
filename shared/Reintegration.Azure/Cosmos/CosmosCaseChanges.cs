using System.Text.Json;
using Microsoft.Azure.Cosmos;
using Reintegration.Core;
using Reintegration.Core.Cases;
using Reintegration.Core.Reports;

namespace Reintegration.Azure.Cosmos;

/// <summary>
/// Cases changed since a position, by the time Cosmos DB stamps on every write (_ts, in whole seconds). A change of
/// the last few seconds is read again by the next run: another write may still land in its second, and must not be
/// missed. Older changes move the position past their second.
/// </summary>
public sealed class CosmosCaseChanges(CosmosDatabase database, TimeProvider time) : ICaseChanges
{
    private const long SettledAfterSeconds = 5;

    public async IAsyncEnumerable<(Case Case, long Position)> SinceAsync(long position,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var settled = time.GetUtcNow().ToUnixTimeSeconds() - SettledAfterSeconds;
        var query = new QueryDefinition("SELECT * FROM c WHERE c._ts >= @since").WithParameter("@since", position);
        using var iterator = database.Container(Containers.Cases).GetItemQueryIterator<JsonElement>(query,
            requestOptions: new QueryRequestOptions { MaxItemCount = 500 });
        while (iterator.HasMoreResults)
        {
            foreach (var element in await iterator.ReadNextAsync(cancellationToken))
            {
                var stamped = element.GetProperty("_ts").GetInt64();
                yield return (element.Deserialize<Case>(ProgrammeJson.Options)!, stamped < settled ? stamped + 1 : stamped);
            }
        }
    }
}

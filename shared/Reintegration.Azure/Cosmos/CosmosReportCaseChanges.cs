using System.Text.Json;
using Microsoft.Azure.Cosmos;
using Reintegration.Core;
using Reintegration.Core.Cases;
using Reintegration.Core.Reports;

namespace Reintegration.Azure.Cosmos;

/// <summary>
/// Cases changed at or after a position: the time Cosmos DB stamps on every write (_ts, in whole seconds).
/// </summary>
public sealed class CosmosReportCaseChanges(CosmosDatabase database) : ICaseChanges
{
    public async IAsyncEnumerable<(Case Case, long Stamp)> SinceAsync(long stamp,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c._ts >= @since").WithParameter("@since", stamp);
        using var iterator = database.Container(Containers.Cases).GetItemQueryIterator<JsonElement>(query,
            requestOptions: new QueryRequestOptions { MaxItemCount = 500 });
        while (iterator.HasMoreResults)
        {
            foreach (var element in await iterator.ReadNextAsync(cancellationToken))
            {
                yield return (element.Deserialize<Case>(ProgrammeJson.Options)!, element.GetProperty("_ts").GetInt64());
            }
        }
    }
}

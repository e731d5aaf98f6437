using System.Net;
using Microsoft.Azure.Cosmos;
using Reintegration.Core.Reports;

namespace Reintegration.Azure.Cosmos;

/// <summary>
/// The report-figures container: the figures of each case in the partition "case-figures" (read whole, in one
/// partition, only when they changed) and the job's state as one document in "state" (a point read per request).
/// </summary>
public sealed class CosmosReportFiguresStore(CosmosDatabase database) : IReportFiguresStore
{
    private const string FiguresKind = "case-figures";
    private const string StateKind = "state";
    private const string StateId = "report-figures-job";
    private const int ParallelWrites = 16;

    private Container Figures => database.Container(Containers.ReportFigures);

    public async Task<ProjectionState?> StateAsync(CancellationToken cancellationToken)
    {
        try
        {
            var response = await Figures.ReadItemAsync<StateDocument>(StateId, new PartitionKey(StateKind), cancellationToken: cancellationToken);
            return response.Resource.State;
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<CaseFigures>> AllAsync(CancellationToken cancellationToken)
    {
        var all = new List<CaseFigures>();
        // The stand-in ignores a partition given only in the request options, so the kind is in the WHERE clause too.
        var query = new QueryDefinition("SELECT * FROM f WHERE f.kind = @kind").WithParameter("@kind", FiguresKind);
        using var iterator = Figures.GetItemQueryIterator<FiguresDocument>(query,
            requestOptions: new QueryRequestOptions { PartitionKey = new PartitionKey(FiguresKind), MaxItemCount = 1000 });
        while (iterator.HasMoreResults)
        {
            all.AddRange((await iterator.ReadNextAsync(cancellationToken)).Select(d => d.Figures));
        }
        return all;
    }

    public async Task SaveAsync(IReadOnlyList<CaseFigures> changed, ProjectionState state, CancellationToken cancellationToken)
    {
        await Parallel.ForEachAsync(changed, new ParallelOptions { MaxDegreeOfParallelism = ParallelWrites, CancellationToken = cancellationToken },
            async (figures, token) => await Figures.UpsertItemAsync(new FiguresDocument(figures.CaseId, FiguresKind, figures),
                new PartitionKey(FiguresKind), new ItemRequestOptions { EnableContentResponseOnWrite = false }, token));
        await Figures.UpsertItemAsync(new StateDocument(StateId, StateKind, state), new PartitionKey(StateKind),
            new ItemRequestOptions { EnableContentResponseOnWrite = false }, cancellationToken);
    }

    private sealed record FiguresDocument(string Id, string Kind, CaseFigures Figures);

    private sealed record StateDocument(string Id, string Kind, ProjectionState State);
}

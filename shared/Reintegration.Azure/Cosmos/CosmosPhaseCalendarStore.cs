using System.Net;
using Microsoft.Azure.Cosmos;
using Reintegration.Core.ReferenceData;

namespace Reintegration.Azure.Cosmos;

/// <summary>
/// The phase calendar: one document of its own kind in the reference container, written conditionally. The stored
/// phases come from the store itself, never from the cached snapshot, so a phase saved on another instance is seen.
/// </summary>
public sealed class CosmosPhaseCalendarStore(CosmosDatabase database, CosmosReferenceDataStore phases, CosmosETags etags)
    : IPhaseCalendarStore
{
    private const string Kind = "phase-calendar";
    private const string Id = "phase-calendar";

    private Container Reference => database.Container(Containers.Reference);

    public async Task<PhaseCalendarRead> ReadAsync(CancellationToken cancellationToken)
    {
        var stored = await phases.PhasesAsync(cancellationToken);
        try
        {
            var response = await Reference.ReadItemAsync<CalendarDocument>(Id, new PartitionKey(Kind), cancellationToken: cancellationToken);
            return new PhaseCalendarRead(response.Resource.Data, stored, etags.ToHttp(response.ETag));
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return new PhaseCalendarRead(PhaseCalendar.Empty, stored, null);
        }
    }

    public async Task<bool> TryWriteAsync(PhaseCalendar calendar, string? ifMatch, CancellationToken cancellationToken)
    {
        var document = new CalendarDocument(Id, Kind, calendar);
        try
        {
            if (ifMatch is null)
            {
                await Reference.CreateItemAsync(document, new PartitionKey(Kind), cancellationToken: cancellationToken);
            }
            else
            {
                await Reference.ReplaceItemAsync(document, Id, new PartitionKey(Kind),
                    new ItemRequestOptions { IfMatchEtag = etags.ToStore(ifMatch) }, cancellationToken);
            }
            return true;
        }
        catch (CosmosException e) when (e.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    private sealed record CalendarDocument(string Id, string Kind, PhaseCalendar Data);
}

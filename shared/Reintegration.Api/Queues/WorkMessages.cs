using System.Text.Json;
using Reintegration.Core;
using Reintegration.Core.Monitoring;

namespace Reintegration.Api.Queues;

/// <summary>Queue messages are input too: a malformed one fails loudly (and ends in the poison queue), never half-works.</summary>
public static class WorkMessages
{
    public static CaseWork Read(string message)
    {
        var work = JsonSerializer.Deserialize<CaseWork>(message, ProgrammeJson.Options);
        return work is { CaseId.Length: > 0 and <= 100 }
            ? work
            : throw new FormatException("The queue message does not name a case.");
    }
}

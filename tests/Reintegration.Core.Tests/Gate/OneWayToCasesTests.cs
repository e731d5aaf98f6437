using System.Reflection;
using Reintegration.Core.Cases;
using Reintegration.Core.Gate;
using Reintegration.Core.Monitoring;

namespace Reintegration.Core.Tests.Gate;

/// <summary>Use cases get their case from the gate: only the gate and the app's own jobs may hold the case store.</summary>
public class OneWayToCasesTests
{
    private static readonly Type[] MayUseTheStore = [typeof(CaseGate), typeof(SystemCaseChanges), typeof(MonitoringDeadlines), .. RetentionJobs()];

    [Fact]
    public void No_type_outside_the_gate_and_the_jobs_takes_the_case_store()
    {
        var users = typeof(Case).Assembly.GetTypes()
            .Where(t => !MayUseTheStore.Contains(t))
            .Where(t => t.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                    .Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(ICaseStore)))
                || t.GetFields(BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
                    .Any(f => f.FieldType == typeof(ICaseStore)))
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(users);
    }

    private static IEnumerable<Type> RetentionJobs() =>
        typeof(Case).Assembly.GetTypes().Where(t => t.Namespace == "Reintegration.Core.Retention" && t.Name.EndsWith("Job", StringComparison.Ordinal));
}

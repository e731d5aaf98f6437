using System.Diagnostics;
using Reintegration.Azure.Tests.Support;
using Reintegration.Core.Access;
using Reintegration.Core.Cases;
using Reintegration.Testing;
namespace Reintegration.Azure.Tests;
public sealed class ScratchTiming(StandInsFixture s) : AdapterTest(s)
{
    [Fact]
    public async Task Timing()
    {
        var store = Get<ICaseStore>();
        var sw = Stopwatch.StartNew();
        void Log(string what) { TestContext.Current.SendDiagnosticMessage($"{what}: {sw.ElapsedMilliseconds} ms"); Console.WriteLine($"{what}: {sw.ElapsedMilliseconds} ms"); sw.Restart(); }
        for (var i = 0; i < 7; i++) await store.TryCreateAsync(TestCases.Referred(at: TestCases.Now.AddMinutes(i)), Cancellation);
        Log("create 7");
        await store.FindAsync("x", Cancellation); Log("find");
        var p = await store.ListAsync(new CaseScope.AllCases(), new CaseFilter(null, null), new PageRequest(3, null), Cancellation); Log("page1");
        p = await store.ListAsync(new CaseScope.AllCases(), new CaseFilter(null, null), new PageRequest(3, p.ContinuationToken), Cancellation); Log("page2");
        p = await store.ListAsync(new CaseScope.AllCases(), new CaseFilter(null, null), new PageRequest(3, p.ContinuationToken), Cancellation); Log("page3 " + (p.ContinuationToken is null));
        p = await store.ListAsync(new CaseScope.AllCases(), new CaseFilter(null, null), new PageRequest(100, null), Cancellation); Log("all");
        p = await store.ListAsync(new CaseScope.AllCases(), new CaseFilter(CaseStatus.Referred, "GH"), new PageRequest(100, null), Cancellation); Log("filtered");
        p = await store.ListAsync(new CaseScope.AllCases(), new CaseFilter(CaseStatus.Referred, "GH"), new PageRequest(100, null), Cancellation); Log("filtered again");
        await store.WaitingAsync(new CaseScope.AllCases(), new WaitingFor.LeavingStatus(CaseStatus.Referred), 10, Cancellation); Log("waiting");
        await store.WaitingAsync(new CaseScope.AllCases(), new WaitingFor.LeavingStatus(CaseStatus.Referred), 10, Cancellation); Log("waiting again");
    }
}

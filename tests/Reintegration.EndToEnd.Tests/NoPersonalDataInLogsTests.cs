using System.Net;
using System.Text.Json.Nodes;
using Reintegration.Testing;

namespace Reintegration.EndToEnd.Tests;

/// <summary>A whole journey with names no other test uses; then every line the app logged is searched for them.</summary>
public sealed class NoPersonalDataInLogsTests(LocalHostFixture host)
{
    private const string GivenName = "Zerihunessa";
    private const string FamilyName = "Quortelmaa";
    private const string ChildName = "Yohannixel";
    private const string Phone = "+31 6 9753 1864";
    private const string Address = "Kwamexuli Street 77";

    private readonly Api api = new(host);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_whole_journey_leaves_no_name_or_contact_in_any_log_line()
    {
        var organisation = await api.NewOrganisation();
        var caseworker = api.Caseworker(organisation);
        var referral = Api.Referral();
        referral["person"]!["givenName"] = GivenName;
        referral["person"]!["familyName"] = FamilyName;
        referral["person"]!["contact"] = new JsonObject { ["phone"] = Phone, ["address"] = Address };
        referral["familyMembers"]![0]!["givenName"] = ChildName;
        var (id, etag) = await api.Refer(caseworker, referral);
        etag = await Api.Do(api.Coordinator(), id, etag, "accept");
        etag = await Api.Do(caseworker, id, etag, "assign-partner", new JsonObject { ["partnerId"] = "partner-gh-1" });
        etag = await Api.DraftPlan(caseworker, id, etag, Api.Plan(1000m));
        etag = await Api.Do(caseworker, id, etag, "submit-plan");
        etag = await Api.Do(api.Coordinator(), id, etag, "approve-plan");
        var today = DateOnly.FromDateTime(host.Time.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd");
        etag = await Api.Do(caseworker, id, etag, "depart", new JsonObject { ["date"] = today });
        await Api.Do(api.Partner(), id, etag, "confirm-arrival", new JsonObject { ["date"] = today });
        await api.MonitoringStarted(id);
        var receipt = await Documents.Upload(api.Partner(), id, "Receipt", "receipt.pdf", "application/pdf");
        using (var spent = await api.Partner().PostAsync($"api/cases/{id}/spending", Api.JsonBody(Spending.Request("line-1", 100m, receipt)), Cancel))
        {
            Assert.Equal(HttpStatusCode.Created, spent.StatusCode);
        }
        // Bad input echoes nothing either: a name in a field that refuses it.
        using (var refused = await caseworker.PostAsync("api/referrals", Api.JsonBody(new JsonObject { ["person"] = new JsonObject { ["givenName"] = GivenName, ["dateOfBirth"] = FamilyName } }), Cancel))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }
        foreach (var path in new[] { $"api/cases/{id}", $"api/cases/{id}/timeline", $"api/cases/{id}/export", "api/cases", "api/tasks" })
        {
            using var read = await api.Dpo().GetAsync(path, Cancel);
        }

        Assert.NotEmpty(host.Logs.Lines);
        string[] personal = [GivenName, FamilyName, ChildName, Phone, Address];
        var leaks = host.Logs.Lines.Where(line => personal.Any(p => line.Contains(p, StringComparison.OrdinalIgnoreCase))).Take(5).ToList();
        Assert.True(leaks.Count == 0, $"Personal data in the log:\n{string.Join("\n", leaks)}");
    }
}

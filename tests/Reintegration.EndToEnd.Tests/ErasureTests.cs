using System.Net;
using Reintegration.Testing;

namespace Reintegration.EndToEnd.Tests;

/// <summary>
/// Erasure on the data protection officer's request, through the HTTP API. The clock does not move here (other tests
/// share it); retention periods passing are tested in Reintegration.Retention.Tests.
/// </summary>
public sealed class ErasureTests(LocalHostFixture host)
{
    private readonly Api api = new(host);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Erasure_is_held_while_the_case_is_open_and_for_everything_while_the_funders_audit_period_runs()
    {
        var organisation = await api.NewOrganisation();
        var (id, _) = await api.CaseAt("Monitoring", organisation);
        await Erasure.SpendWithReceipt(api.Partner(), id);

        using (var open = await Erasure.Request(api.Dpo(), id, "personal-data"))
        {
            Assert.Equal(["open-case"], (await Erasure.Holds(open)).Select(h => h!.GetValue<string>()));
        }
        await Erasure.Withdraw(api, id, organisation);
        using (var audit = await Erasure.Request(api.Dpo(), id, "everything"))
        {
            Assert.Equal(["financial-retention"], (await Erasure.Holds(audit)).Select(h => h!.GetValue<string>()));
        }

        using var read = await api.Coordinator().GetAsync($"api/cases/{id}", Cancel);
        Assert.Equal("Ama", (await Api.ReadObject(read))["person"]!["givenName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Erasing_a_closed_case_removes_the_person_at_once_and_asking_again_answers_the_same()
    {
        var organisation = await api.NewOrganisation();
        var (id, _) = await api.CaseAt("Accepted", organisation);
        string born;
        using (var before = await api.Coordinator().GetAsync($"api/cases/{id}", Cancel))
        {
            born = (await Api.ReadObject(before))["person"]!["dateOfBirth"]!.GetValue<string>();
        }
        await Erasure.Withdraw(api, id, organisation);

        using (var byCoordinator = await Erasure.Request(api.Coordinator(), id, "personal-data"))
        {
            await Api.AssertProblem(byCoordinator, HttpStatusCode.Forbidden, "forbidden");
        }
        using var first = await Erasure.Request(api.Dpo(), id, "personal-data");
        var firstBody = await first.Content.ReadAsStringAsync(Cancel);
        Assert.True(first.StatusCode == HttpStatusCode.OK, firstBody);
        using var again = await Erasure.Request(api.Dpo(), id, "personal-data");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(firstBody, await again.Content.ReadAsStringAsync(Cancel));

        using var read = await api.Caseworker(organisation).GetAsync($"api/cases/{id}", Cancel);
        var text = await read.Content.ReadAsStringAsync(Cancel);
        Assert.DoesNotContain("Ama", text);
        Assert.DoesNotContain("Mensah", text);
        Assert.DoesNotContain("Kofi", text);
        Assert.DoesNotContain(born, text);
        Assert.DoesNotContain("ama@example.org", text);
        Assert.DoesNotContain("Needs medication", text);
        var person = (await Api.ReadObject(read))["person"]!;
        Assert.Equal(("", $"{born[..4]}-01-01", "GH"),
            (person["givenName"]!.GetValue<string>(), person["dateOfBirth"]!.GetValue<string>(), person["nationality"]!.GetValue<string>()));

        using var timeline = await api.Dpo().GetAsync($"api/cases/{id}/timeline", Cancel);
        var timelineText = await timeline.Content.ReadAsStringAsync(Cancel);
        Assert.DoesNotContain("Decided to stay", timelineText);
        Assert.Contains(await Api.ReadArray(timeline), e => e!["action"]!.GetValue<string>() == "anonymise" && e["actorRole"]!.GetValue<string>() == "dpo");
    }

    [Fact]
    public async Task An_erasure_request_needs_a_reason_and_a_known_scope_and_an_unknown_case_is_not_found()
    {
        var (id, _) = await api.CaseAt("Referred");

        using (var badScope = await Erasure.Request(api.Dpo(), id, "some"))
        {
            await Api.AssertProblem(badScope, HttpStatusCode.BadRequest, "validation-failed");
        }
        using var unknown = await Erasure.Request(api.Dpo(), Guid.NewGuid().ToString("D"), "personal-data");
        await Api.AssertProblem(unknown, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Only_the_dpo_previews_the_next_retention_run_and_a_case_ended_today_is_not_in_it()
    {
        var organisation = await api.NewOrganisation();
        var (id, _) = await api.CaseAt("Accepted", organisation);
        await Erasure.Withdraw(api, id, organisation);

        using (var byCoordinator = await api.Coordinator().GetAsync("api/retention/preview", Cancel))
        {
            await Api.AssertProblem(byCoordinator, HttpStatusCode.Forbidden, "forbidden");
        }
        using var preview = await api.Dpo().GetAsync("api/retention/preview", Cancel);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var body = await Api.ReadObject(preview);
        Assert.DoesNotContain(body["items"]!.AsArray(), i => i!["caseId"]!.GetValue<string>() == id);
    }
}

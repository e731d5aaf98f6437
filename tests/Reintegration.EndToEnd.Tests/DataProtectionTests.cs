using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Reintegration.Testing;

namespace Reintegration.EndToEnd.Tests;

/// <summary>Who saw the file, consent withdrawn and given again, corrections, four eyes on money: through the HTTP API.</summary>
public sealed class DataProtectionTests(LocalHostFixture host)
{
    private readonly Api api = new(host);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_read_appears_in_the_case_access_log_with_its_actor_and_only_the_dpo_reads_the_log()
    {
        var organisation = await api.NewOrganisation();
        var (id, _) = await api.CaseAt("PartnerAssigned", organisation);
        var partner = host.ClientFor("partner", "partner-gh-1", subject: "partner-reader-7");
        using (var read = await partner.GetAsync($"api/cases/{id}", Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }
        using (var refused = await host.ClientFor("caseworker", "org-ref-other", subject: "prober-1").GetAsync($"api/cases/{id}", Cancel))
        {
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        using var log = await api.Dpo().GetAsync($"api/cases/{id}/access-log?pageSize=100", Cancel);
        Assert.Equal(HttpStatusCode.OK, log.StatusCode);
        var records = (await Api.ReadObject(log))["items"]!.AsArray().Select(r => r!.AsObject()).ToList();
        var partnerRead = Assert.Single(records, r => r["actorId"]!.GetValue<string>() == "partner-reader-7");
        Assert.Equal(("view-case", "partner", "partner-gh-1", true),
            (partnerRead["what"]!.GetValue<string>(), partnerRead["actorRole"]!.GetValue<string>(),
             partnerRead["actorOrganisationId"]!.GetValue<string>(), partnerRead["allowed"]!.GetValue<bool>()));
        Assert.False(string.IsNullOrEmpty(partnerRead["correlationId"]?.GetValue<string>()));
        var probe = Assert.Single(records, r => r["actorId"]!.GetValue<string>() == "prober-1");
        Assert.False(probe["allowed"]!.GetValue<bool>());
        Assert.Contains(records, r => r["what"]!.GetValue<string>() == "refer");
        var times = records.Select(r => r["at"]!.GetValue<DateTimeOffset>()).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);

        using var search = await api.Dpo().GetAsync($"api/access-log?actorId=partner-reader-7", Cancel);
        Assert.Contains((await Api.ReadObject(search))["items"]!.AsArray(), r => r!["caseId"]!.GetValue<string>() == id);

        using var byCaseworker = await api.Caseworker(organisation).GetAsync($"api/cases/{id}/access-log", Cancel);
        await Api.AssertProblem(byCaseworker, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_search_of_the_access_log_is_recorded_with_its_filter_and_so_is_a_refused_one()
    {
        var dpoUser = $"dpo-{Guid.NewGuid():N}"[..20];
        var curiousUser = $"curious-{Guid.NewGuid():N}"[..20];
        var dpo = host.ClientFor("dpo", "org-coordination", subject: dpoUser);
        var curious = host.ClientFor("caseworker", "org-ref-demo", subject: curiousUser);
        using (var search = await dpo.GetAsync("api/access-log?actorId=partner-reader-7", Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        }
        using (var refused = await curious.GetAsync("api/access-log?organisationId=org-ref-other", Cancel))
        {
            await Api.AssertProblem(refused, HttpStatusCode.Forbidden, "forbidden");
        }

        foreach (var (actor, detail, allowed) in new[]
                 {
                     (dpoUser, "actorId=partner-reader-7", true),
                     (curiousUser, "organisationId=org-ref-other", false),
                 })
        {
            using var found = await api.Dpo().GetAsync($"api/access-log?actorId={actor}", Cancel);
            var record = Assert.Single((await Api.ReadObject(found))["items"]!.AsArray(),
                r => r!["what"]!.GetValue<string>() == "search-access-log")!;
            Assert.Equal((detail, allowed), (record["detail"]!.GetValue<string>(), record["allowed"]!.GetValue<bool>()));
        }
    }


    [Fact]
    public async Task A_listing_records_each_listed_case()
    {
        var organisation = await api.NewOrganisation();
        var (id, _) = await api.CaseAt("Referred", organisation);
        using (var list = await host.ClientFor("caseworker", organisation, subject: "lister-1").GetAsync("api/cases", Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        }

        using var log = await api.Dpo().GetAsync($"api/cases/{id}/access-log", Cancel);
        Assert.Contains((await Api.ReadObject(log))["items"]!.AsArray(),
            r => r!["actorId"]!.GetValue<string>() == "lister-1" && r["what"]!.GetValue<string>() == "list-cases");
    }

    [Fact]
    public async Task After_consent_is_withdrawn_the_partner_no_longer_sees_the_case_until_it_is_given_again()
    {
        var organisation = await api.NewOrganisation();
        var (id, etag) = await api.CaseAt("PartnerAssigned", organisation);
        var caseworker = api.Caseworker(organisation);

        using (var partnerRefused = await api.Partner().SendAsync(Consent(id, etag, "withdraw-consent", "Verbal", "The person asked."), Cancel))
        {
            await Api.AssertProblem(partnerRefused, HttpStatusCode.Forbidden, "forbidden");
        }
        using (var noReason = await caseworker.SendAsync(Consent(id, etag, "withdraw-consent", "Verbal", null), Cancel))
        {
            await Api.AssertProblem(noReason, HttpStatusCode.BadRequest, "validation-failed");
        }
        using var withdrawn = await caseworker.SendAsync(Consent(id, etag, "withdraw-consent", "Verbal", "The person asked."), Cancel);
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);

        using (var hidden = await api.Partner().GetAsync($"api/cases/{id}", Cancel))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }
        using (var listed = await api.Partner().GetAsync("api/cases?pageSize=100", Cancel))
        {
            Assert.DoesNotContain((await Api.ReadObject(listed))["items"]!.AsArray(), c => c!["id"]!.GetValue<string>() == id);
        }

        // The partner's notice of the pause is marked sent in the background: as a client does, act on the current version.
        var current = withdrawn.Headers.ETag!.Tag;
        var given = await caseworker.SendAsync(Consent(id, current, "give-consent", "SignedForm", null), Cancel);
        for (var attempt = 0; given.StatusCode == HttpStatusCode.PreconditionFailed && attempt < 5; attempt++)
        {
            current = (await Api.ReadObject(given))["currentETag"]!.GetValue<string>();
            given.Dispose();
            given = await caseworker.SendAsync(Consent(id, current, "give-consent", "SignedForm", null), Cancel);
        }
        Assert.Equal(HttpStatusCode.OK, given.StatusCode);
        given.Dispose();
        using var back = await api.Partner().GetAsync($"api/cases/{id}", Cancel);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
    }

    [Fact]
    public async Task The_caseworker_corrects_the_name_and_the_timeline_says_which_field_changed_not_its_value()
    {
        var organisation = await api.NewOrganisation();
        var (id, etag) = await api.CaseAt("Accepted", organisation);
        var caseworker = api.Caseworker(organisation);

        using var corrected = await caseworker.SendAsync(Correction(id, etag, new JsonObject { ["familyName"] = "Owusu-Mensah" }), Cancel);
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.Equal("Owusu-Mensah", (await Api.ReadObject(corrected))["person"]!["familyName"]!.GetValue<string>());

        using var stale = await caseworker.SendAsync(Correction(id, etag, new JsonObject { ["givenName"] = "Abena" }), Cancel);
        await Api.AssertProblem(stale, HttpStatusCode.PreconditionFailed, "stale-version");

        using var timeline = await caseworker.GetAsync($"api/cases/{id}/timeline", Cancel);
        var text = await timeline.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("Corrected: familyName", text);
        Assert.DoesNotContain("Owusu", text);
    }

    [Fact]
    public async Task The_coordinator_who_submitted_a_plan_cannot_approve_it()
    {
        var organisation = await api.NewOrganisation();
        var (id, etag) = await api.CaseAt("PartnerAssigned", organisation);
        var coordinator = host.ClientFor("coordinator", "org-coordination", subject: "coordinator-drafter");
        etag = await Api.DraftPlan(coordinator, id, etag, Api.Plan(1000m));
        etag = await Api.Do(coordinator, id, etag, "submit-plan");

        var (own, _) = await Api.Act(coordinator, id, etag, "approve-plan");
        using (own)
        {
            await Api.AssertProblem(own, HttpStatusCode.Forbidden, "four-eyes");
        }
        await Api.Do(host.ClientFor("coordinator", "org-coordination", subject: "coordinator-approver"), id, etag, "approve-plan");
    }

    [Fact]
    public async Task The_export_holds_every_part_of_the_case_and_is_itself_recorded()
    {
        var organisation = await api.NewOrganisation();
        var (id, _) = await api.CaseAt("Arrived", organisation);
        var receipt = await Documents.Upload(api.Partner(), id, "Receipt", "receipt.pdf", "application/pdf");
        using (var spent = await api.Partner().PostAsync($"api/cases/{id}/spending", Api.JsonBody(Spending.Request("line-1", 100m, receipt)), Cancel))
        {
            Assert.Equal(HttpStatusCode.Created, spent.StatusCode);
        }

        using var export = await host.ClientFor("dpo", "org-coordination", subject: "dpo-exporter").GetAsync($"api/cases/{id}/export", Cancel);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var body = await Api.ReadObject(export);
        var held = body["case"]!.AsObject();
        Assert.Equal("Ama", held["person"]!["givenName"]!.GetValue<string>());
        Assert.Single(held["familyMembers"]!.AsArray());
        Assert.NotNull(held["approvedPlan"]);
        Assert.Single(held["spending"]!.AsArray());
        Assert.NotEmpty(held["timeline"]!.AsArray());
        Assert.NotEmpty(held["consentHistory"]!.AsArray());
        var document = Assert.Single(body["documents"]!.AsArray());
        using (var download = await Documents.Get(new Uri(document!["downloadUrl"]!.GetValue<string>())))
        {
            Assert.Equal(Documents.File("receipt.pdf"), await download.Content.ReadAsByteArrayAsync(Cancel));
        }
        Assert.Contains(body["accessLog"]!.AsArray(), r => r!["what"]!.GetValue<string>() == "record-spending");
        Assert.True(body["accessLogComplete"]!.GetValue<bool>());

        using var log = await api.Dpo().GetAsync($"api/cases/{id}/access-log", Cancel);
        Assert.Contains((await Api.ReadObject(log))["items"]!.AsArray(),
            r => r!["actorId"]!.GetValue<string>() == "dpo-exporter" && r["what"]!.GetValue<string>() == "export");
    }

    [Fact]
    public async Task A_partner_cannot_cite_a_document_not_shared_with_it_as_proof()
    {
        var organisation = await api.NewOrganisation();
        var (id, _) = await api.CaseAt("Arrived", organisation);
        var consentForm = await Documents.Upload(api.Caseworker(organisation), id, "ConsentForm", "receipt.pdf", "application/pdf");

        using var cited = await api.Partner().PostAsync($"api/cases/{id}/cash-contribution",
            Api.JsonBody(new JsonObject { ["paidOn"] = "2026-01-15", ["proofDocumentId"] = consentForm }), Cancel);

        await Api.AssertProblem(cited, HttpStatusCode.UnprocessableEntity, "rule-violation");
        using var budget = await api.Coordinator().GetAsync($"api/cases/{id}/budget", Cancel);
        Assert.DoesNotContain(consentForm, await budget.Content.ReadAsStringAsync(Cancel));
    }

    private static HttpRequestMessage Consent(string id, string etag, string action, string method, string? reason)
    {
        var body = new JsonObject { ["date"] = "2026-01-15", ["method"] = method };
        if (reason is not null) body["reason"] = reason;
        var request = new HttpRequestMessage(HttpMethod.Post, $"api/cases/{id}/actions/{action}") { Content = Api.JsonBody(body) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        return request;
    }

    private static HttpRequestMessage Correction(string id, string etag, JsonObject body)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"api/cases/{id}/person") { Content = Api.JsonBody(body) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        return request;
    }
}

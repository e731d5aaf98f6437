using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Reintegration.Api.Representations;
using Reintegration.Core.Access;
using Reintegration.Core.Cases;
using Reintegration.Testing;

namespace Reintegration.EndToEnd.Tests;

/// <summary>
/// What each role receives is an allow-list: the table "Who receives which field" in docs/data-protection.md.
/// The views must send exactly its fields, and a whole case walked through the API must show each role
/// exactly those fields: none more (a leak), none fewer (the record would no longer be true).
/// </summary>
public sealed class RoleViewTests(LocalHostFixture host)
{
    private static readonly string[] RoleNames = ["caseworker", "coordinator", "partner", "dpo"];

    /// <summary>The answers each role gets over a whole case; the table's other rows are for answers the role never receives.</summary>
    private static readonly Dictionary<string, string[]> AnswersReceived = new()
    {
        ["caseworker"] = ["case", "budget", "checkpoint", "timeline", "task"],
        ["coordinator"] = ["case", "budget", "checkpoint", "timeline", "task"],
        ["partner"] = ["case", "budget", "spending", "checkpoint", "task"],
        ["dpo"] = ["case", "budget", "checkpoint", "timeline"],
    };

    private readonly Api api = new(host);

    [Fact]
    public void The_record_of_processing_lists_exactly_the_fields_the_views_send()
    {
        var record = RecordOfProcessing.Read();
        Assert.All(record.Rows, row => Assert.True(row.Value.Values.Any(yes => yes), $"{row.Key}: no role receives it; leave it out of the table."));
        var failures = new List<string>();
        foreach (var role in Enum.GetValues<Role>())
        {
            var listed = record.FieldsOf(Roles.Name(role));
            var sent = RoleViews.Fields(role);
            failures.AddRange(sent.Except(listed).Select(f => $"{Roles.Name(role)}: the views send {f}, which the record does not list"));
            failures.AddRange(listed.Except(sent).Select(f => $"{Roles.Name(role)}: the record lists {f}, which the views do not send"));
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Order()));
    }

    [Fact]
    public void Every_view_by_role_of_the_api_is_in_the_record()
    {
        var declared = typeof(RoleViews).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
            .Where(f => typeof(IViewsByRole).IsAssignableFrom(f.FieldType))
            .Select(f => (IViewsByRole)f.GetValue(null)!)
            .ToHashSet();
        Assert.True(declared.SetEquals(RoleViews.All), "A view by role is missing from RoleViews.All, so its fields are in no record.");
    }

    private sealed record LeakyView(string Id, Returnee Person);

    [Fact]
    public void A_domain_record_inside_a_view_is_refused()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => ViewFields.Of(typeof(LeakyView), "case").ToList());
        Assert.Contains("case.person", refused.Message);
    }

    [Fact]
    public void A_role_without_a_decided_view_is_refused_rather_than_answered()
    {
        var entry = new TimelineEntry { At = DateTimeOffset.UnixEpoch, Action = "refer", ActorId = "u-1", ActorRole = "caseworker",
            ActorOrganisationId = "org-ref-demo", To = CaseStatus.Referred };
        Assert.IsType<TimelineEntryView>(Assert.Single(TimelineEntryView.For(new Caller("u-2", Role.Dpo, "org-coordination"), [entry])));
        Assert.Throws<InvalidOperationException>(() => TimelineEntryView.For(new Caller("u-3", Role.Partner, "partner-gh-1"), [entry]));
    }

    [Fact]
    public async Task Over_a_whole_case_each_role_receives_exactly_its_listed_fields()
    {
        var organisation = await api.NewOrganisation();
        var clients = new Dictionary<string, HttpClient>
        {
            ["caseworker"] = api.Caseworker(organisation), ["coordinator"] = api.Coordinator(), ["partner"] = api.Partner(), ["dpo"] = api.Dpo(),
        };
        var received = RoleNames.ToDictionary(r => r, _ => new Received());
        var today = DateOnly.FromDateTime(host.Time.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd");

        var referral = Api.Referral();
        referral["person"]!["contact"]!["address"] = "Reception centre, Ter Apel";
        string id;
        string etag;
        using (var referred = await clients["caseworker"].PostAsync("api/referrals", Api.JsonBody(referral)))
        {
            var body = await Answer(referred, HttpStatusCode.Created);
            received["caseworker"].Add("case", body);
            (id, etag) = (body["id"]!.GetValue<string>(), referred.Headers.ETag!.Tag);
        }

        async Task Look()
        {
            foreach (var role in RoleNames)
            {
                await Read(clients[role], $"api/cases/{id}", "case", received[role]);
                await Read(clients[role], "api/cases", "case", received[role], page: true);
                await Read(clients[role], $"api/cases/{id}/budget", "budget", received[role]);
                await Read(clients[role], $"api/cases/{id}/checkpoints", "checkpoint", received[role]);
                await Read(clients[role], $"api/cases/{id}/timeline", "timeline", received[role]);
                await Read(clients[role], "api/tasks", "task", received[role]);
            }
        }

        async Task Act(string role, string action, JsonObject? body = null)
        {
            var (response, newETag) = await Api.Act(clients[role], id, etag, action, body);
            // A change of consent asks for the partner's notice to be delivered, which marks it sent on the case: as a
            // client does, take the current ETag from the 412 and act again.
            for (var attempt = 0; response.StatusCode == HttpStatusCode.PreconditionFailed && attempt < 5; attempt++)
            {
                var current = (await Api.ReadObject(response))["currentETag"]!.GetValue<string>();
                response.Dispose();
                (response, newETag) = await Api.Act(clients[role], id, current, action, body);
            }
            using (response)
            {
                received[role].Add("case", await Answer(response, HttpStatusCode.OK));
            }
            etag = newETag!;
            await Look();
        }

        await Look();
        await Act("coordinator", "accept", new JsonObject { ["reason"] = "Eligible." });
        await Act("caseworker", "assign-partner", new JsonObject { ["partnerId"] = "partner-gh-1" });
        await Act("caseworker", "withdraw-consent", new JsonObject { ["date"] = today, ["method"] = "Verbal", ["reason"] = "Wants to think it over." });
        await Act("caseworker", "give-consent", new JsonObject { ["date"] = today, ["method"] = "SignedForm" });
        for (var attempt = 0; ; attempt++)
        {
            using var plan = new HttpRequestMessage(HttpMethod.Put, $"api/cases/{id}/plan") { Content = Api.JsonBody(Api.Plan(1000m, 500m)) };
            plan.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
            using var drafted = await clients["caseworker"].SendAsync(plan);
            if (drafted.StatusCode == HttpStatusCode.PreconditionFailed && attempt < 5)
            {
                // The notice of the consent given again was marked sent meanwhile: act on the current version.
                etag = (await Api.ReadObject(drafted))["currentETag"]!.GetValue<string>();
                continue;
            }
            received["caseworker"].Add("case", await Answer(drafted, HttpStatusCode.OK));
            etag = drafted.Headers.ETag!.Tag;
            break;
        }
        await Look();
        await Act("caseworker", "submit-plan");
        await Act("coordinator", "approve-plan", new JsonObject { ["reason"] = "Within policy; the family needs the shop soon." });
        await Act("caseworker", "depart", new JsonObject { ["date"] = today });
        await Act("partner", "confirm-arrival", new JsonObject { ["date"] = today });
        (_, etag) = await api.MonitoringStarted(id);
        using (var correction = new HttpRequestMessage(HttpMethod.Put, $"api/cases/{id}/person")
        {
            Content = Api.JsonBody(new JsonObject { ["contact"] = new JsonObject { ["phone"] = "+233 20 123 4567", ["address"] = "Adum, Kumasi" } }),
        })
        {
            correction.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
            using var corrected = await clients["partner"].SendAsync(correction);
            received["partner"].Add("case", await Answer(corrected, HttpStatusCode.OK));
        }

        var partner = clients["partner"];
        var pdfReceipt = await Documents.Upload(partner, id, "Receipt", "receipt.pdf", "application/pdf");
        var jpegReceipt = await Documents.Upload(partner, id, "Receipt", "receipt.jpg", "image/jpeg");
        await Post(partner, $"api/cases/{id}/spending", Spending.Request("line-1", 120m, pdfReceipt), HttpStatusCode.Created, "spending",
            received["partner"]);
        var pending = await Post(partner, $"api/cases/{id}/spending", Spending.Request("line-2", 80m), HttpStatusCode.Created, "spending",
            received["partner"]);
        await Post(partner, $"api/cases/{id}/spending/{pending["id"]!.GetValue<string>()}/receipt", new JsonObject { ["documentId"] = jpegReceipt },
            HttpStatusCode.OK, "spending", received["partner"]);
        var proof = await Documents.Upload(clients["caseworker"], id, "Other", "receipt.jpg", "image/jpeg");
        await Post(clients["caseworker"], $"api/cases/{id}/cash-contribution", new JsonObject { ["paidOn"] = today, ["proofDocumentId"] = proof },
            HttpStatusCode.OK, "budget", received["caseworker"]);
        var report = new JsonObject
        {
            ["contactMade"] = true, ["contactMethod"] = "InPerson", ["housing"] = "Stable", ["work"] = "SelfEmployed",
            ["incomeCoversBasicNeeds"] = true, ["health"] = "Good", ["familyTies"] = "Strong", ["takesPartInCommunity"] = true, ["wellbeing"] = 4,
            ["feelsSafe"] = true, ["wantsToStay"] = true, ["budgetUseOnTrack"] = true, ["narrative"] = "The shop opened; the children go to school.",
            ["documentIds"] = new JsonArray(jpegReceipt),
        };
        await Post(partner, $"api/cases/{id}/checkpoints/m1/report", report, HttpStatusCode.OK, "checkpoint", received["partner"]);
        await Post(clients["coordinator"], $"api/cases/{id}/checkpoints/m3/waive", new JsonObject { ["reason"] = "Visited in person at m1." },
            HttpStatusCode.OK, "checkpoint", received["coordinator"]);
        await Look();
        using (var current = await clients["coordinator"].GetAsync($"api/cases/{id}"))
        {
            etag = current.Headers.ETag!.Tag;
        }
        await Act("coordinator", "close", new JsonObject { ["outcome"] = "ContactLost", ["reason"] = "No answer after m1." });

        var record = RecordOfProcessing.Read();
        var failures = new List<string>();
        foreach (var role in RoleNames)
        {
            var got = received[role];
            if (!got.Answers.SetEquals(AnswersReceived[role]))
            {
                failures.Add($"{role} received answers [{string.Join(", ", got.Answers.Order())}], "
                    + $"expected [{string.Join(", ", AnswersReceived[role])}]");
            }
            var listed = record.FieldsOf(role).Where(f => AnswersReceived[role].Contains(f[..f.IndexOf('.')])).ToHashSet();
            // A null or empty container is fine where the record lists fields below it.
            var unlisted = got.Paths.Where(p => !listed.Contains(p.Key) && !(p.Value && listed.Any(l =>
                l.StartsWith(p.Key + ".", StringComparison.Ordinal) || l.StartsWith(p.Key + "[]", StringComparison.Ordinal))));
            failures.AddRange(unlisted.Select(p => $"{role} received {p.Key}, which the record does not list for this role"));
            failures.AddRange(listed.Where(l => !got.Paths.ContainsKey(l)).Select(l => $"{role} never received {l}, which the record lists"));
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Order()));
    }

    private static async Task<JsonObject> Answer(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private static async Task<JsonObject> Post(HttpClient client, string url, JsonObject body, HttpStatusCode expected, string answer, Received into)
    {
        using var response = await client.PostAsync(url, Api.JsonBody(body));
        var answered = await Answer(response, expected);
        into.Add(answer, answered);
        return answered;
    }

    /// <summary>A read every role tries: 200 is collected, 403 and 404 are the access policy's refusals, anything else fails.</summary>
    private static async Task Read(HttpClient client, string url, string answer, Received into, bool page = false)
    {
        using var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
        {
            return;
        }
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {text}");
        var body = JsonNode.Parse(text)!;
        IEnumerable<JsonNode?> items = page ? body["items"]!.AsArray() : body is JsonArray list ? list : [body];
        foreach (var item in items)
        {
            into.Add(answer, item!.AsObject());
        }
    }

    /// <summary>
    /// Every field path a role received, e.g. <c>case.familyMembers[].givenName</c>. A null or an empty list is
    /// hollow: it is sent under its own path, and carries none of the fields below it.
    /// </summary>
    private sealed class Received
    {
        public HashSet<string> Answers { get; } = [];

        /// <summary>Path, and whether it was only ever hollow.</summary>
        public Dictionary<string, bool> Paths { get; } = [];

        public void Add(string answer, JsonObject body)
        {
            Answers.Add(answer);
            Collect(body, answer);
        }

        private void Collect(JsonNode? node, string path)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (name, value) in o)
                    {
                        Collect(value, $"{path}.{name}");
                    }
                    break;
                case JsonArray { Count: 0 }:
                    Mark(path + "[]", hollow: true);
                    break;
                case JsonArray a:
                    foreach (var item in a)
                    {
                        Collect(item, path + "[]");
                    }
                    break;
                case null:
                    Mark(path, hollow: true);
                    break;
                default:
                    Mark(path, hollow: false);
                    break;
            }
        }

        private void Mark(string path, bool hollow) => Paths[path] = Paths.TryGetValue(path, out var wasHollow) ? wasHollow && hollow : hollow;
    }
}

/// <summary>The table "Who receives which field" of docs/data-protection.md: a row per field path, yes or no per role.</summary>
internal sealed class RecordOfProcessing(Dictionary<string, Dictionary<string, bool>> rows)
{
    private const string Header = "| field | caseworker | coordinator | partner | dpo |";

    public IReadOnlyDictionary<string, Dictionary<string, bool>> Rows => rows;

    public HashSet<string> FieldsOf(string role) => rows.Where(r => r.Value[role]).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);

    public static RecordOfProcessing Read()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), "docs", "data-protection.md"));
        var header = Array.IndexOf(lines, Header);
        Assert.True(header >= 0, $"docs/data-protection.md has no table headed {Header}");
        var roles = Header.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[1..];
        var rows = new Dictionary<string, Dictionary<string, bool>>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|')))
        {
            var cells = line.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.True(cells.Length == roles.Length + 1 && cells[1..].All(c => c is "yes" or "no"),
                $"Not a row of field, then yes or no per role: {line}");
            var field = cells[0].Trim('`');
            Assert.True(rows.TryAdd(field, roles.Zip(cells[1..]).ToDictionary(p => p.First, p => p.Second == "yes")), $"{field} is listed twice");
        }
        return new RecordOfProcessing(rows);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "docs", "data-protection.md")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("docs/data-protection.md is not above the test's directory.");
    }
}

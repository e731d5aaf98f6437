using Reintegration.Core;
using Reintegration.Core.Cases;
using Reintegration.Core.Documents;
using Reintegration.Core.Monitoring;
using Reintegration.Core.Plans;
using Reintegration.Core.Referrals;

namespace Reintegration.EndToEnd.Tests.Fuzzing;

/// <summary>
/// Valid JSON values for request fields, by field name (camelCase), so generated bodies get past the first check often
/// enough to reach the programme's rules. Fields not named here get generic values of their type.
/// </summary>
internal sealed class Vocabulary
{
    private readonly Dictionary<string, string[]> _byField = new(StringComparer.OrdinalIgnoreCase);

    public Vocabulary(FuzzGround ground)
    {
        var today = ground.Today.ToString("yyyy-MM-dd");
        Add("partnerId", [.. ground.PartnerIds.Select(Text), Text("partner-ng-1")]);
        Add("referringOrganisationId", Text("org-ref-demo"), Text(ground.ReferringOrganisationId), Text("partner-gh-1"));
        Add("budgetLineId", Text("line-1"), Text("line-2"), Text("line-9"));
        Add("id", Text("line-1"), Text("line-2"));
        Add("documentId", [.. ground.DocumentIds.Select(Text)]);
        Add("receiptDocumentId", [.. ground.DocumentIds.Select(Text), "null"]);
        Add("proofDocumentId", [.. ground.DocumentIds.Select(Text)]);
        Add("documentIds", [.. ground.DocumentIds.Select(Text)]);
        Add("category", [.. Names<TargetGroup>()]);
        Add("area", [.. Names<SupportArea>()]);
        Add("relationship", [.. ReferralVocabulary.Relationships.Select(Text)]);
        Add("kind", [.. ReferralVocabulary.VulnerabilityKinds.Select(Text)]);
        Add("method", [.. ReferralVocabulary.ConsentMethods.Select(Text)]);
        Add("type", [.. Names<DocumentType>()]);
        Add("contentType", [.. FileSignatures.Allowed.Select(Text)]);
        Add("fileName", Text("receipt.pdf"), Text("photo.jpg"));
        Add("size", "1000", "20000");
        Add("contactMethod", [.. Names<ContactMethod>()]);
        Add("housing", [.. Names<HousingSituation>()]);
        Add("work", [.. Names<WorkStatus>()]);
        Add("health", [.. Names<HealthAccess>()]);
        Add("familyTies", [.. Names<FamilyTies>()]);
        Add("outcome", [.. Names<CaseOutcome>()]);
        Add("currency", Text("GHS"), Text("EUR"), Text("XOF"));
        Add("countryOfReturn", Text("GH"), Text("NG"), Text("TG"));
        Add("nationality", Text("GH"), Text("NG"));
        Add("countries", Text("GH"), Text("TG"), Text(ground.CountryCode));
        // Three amounts that agree (150 GHS at 15 = 10 EUR; 10 EUR at 1) often enough to reach the ledger's rules.
        Add("amountPaid", "150", "10");
        Add("exchangeRate", "15", "1");
        Add("amountEur", "10");
        Add("amount", "1000", "500", "412.37");
        Add("cashContribution", "200");
        Add("inKindPerAdult", "1500");
        Add("inKindPerChild", "500");
        Add("approvalCeiling", "4000");
        Add("wellbeing", "1", "3", "5");
        Add("gracePeriodDays", "14", "0", "90");
        Add("monitoringMonths", "1", "3", "6", "12");
        Add("date", Text(today));
        Add("paidOn", Text(today), Text("2026-01-15"));
        Add("givenOn", Text(today), Text("2026-01-10"));
        Add("dateOfBirth", Text("1990-04-02"), Text("2018-01-05"));
        // Phases never overlap, and other tests add phases in the years 3000 to 9000: stay clear of those.
        Add("startsOn", Text("2001-01-01"), Text("9999-12-01"));
        Add("endsOn", Text("2002-12-31"), Text("9999-12-31"));
        Add("name", Text("Fuzz name"));
        Add("givenName", Text("Ama"));
        Add("familyName", Text("Mensah"));
        Add("description", Text("Sewing machine and stock"));
        Add("reason", Text("Because the person asked."));
        Add("narrative", Text("Doing fine."));
        Add("suspensionReason", Text("Fuzzing only."));
        Add("phone", Text("+31 6 1234 5678"));
        Add("email", Text("ama@example.org"));
        Add("address", Text("Accra"));
    }

    /// <summary>Valid JSON texts for the field, or none when the field is not named here.</summary>
    public IReadOnlyList<string> For(string field) => _byField.TryGetValue(field, out var values) ? values : [];

    public static string Text(string value) => System.Text.Json.JsonSerializer.Serialize(value);

    private static string[] Names<T>() where T : struct, Enum => [.. Enum.GetNames<T>().Select(Text)];

    private void Add(string field, params string[] values) => _byField[field] = values;
}

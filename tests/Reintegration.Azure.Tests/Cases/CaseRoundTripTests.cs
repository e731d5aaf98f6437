using System.Text.Json;
using Microsoft.Azure.Cosmos;
using Reintegration.Azure.Cosmos;
using Reintegration.Azure.Tests.Support;
using Reintegration.Core.Cases;
using Reintegration.Core.Plans;
using Reintegration.Core.Referrals;
using Reintegration.Core.Spending;
using Reintegration.Testing;

namespace Reintegration.Azure.Tests.Cases;

public sealed class CaseRoundTripTests(StandInsFixture standIns) : AdapterTest(standIns)
{
    [Fact]
    public async Task A_created_case_reads_back_with_every_field_as_it_was_written()
    {
        var store = Get<ICaseStore>();
        var original = TestCases.Full();

        var created = await store.TryCreateAsync(original, Cancellation);
        var read = await store.FindAsync(Reintegration.Core.Ids.CaseId.From(original.Id), Cancellation);

        Assert.NotNull(created);
        Assert.NotNull(read);
        StoreJson.AssertSameJson(original, created.Value);
        StoreJson.AssertSameJson(original, read.Value);
        Assert.Equal(created.ETag, read.ETag);
    }

    [Fact]
    public async Task Dates_enums_amounts_and_the_timeline_survive_the_round_trip_with_their_types()
    {
        var store = Get<ICaseStore>();
        var original = TestCases.Full();
        await store.TryCreateAsync(original, Cancellation);

        var read = (await store.FindAsync(Reintegration.Core.Ids.CaseId.From(original.Id), Cancellation))!.Value;

        Assert.Equal(TestCases.Today, read.ReferredOn);
        Assert.Equal(new DateOnly(1990, 4, 2), read.Person.DateOfBirth);
        Assert.Equal(new DateOnly(2018, 1, 5), Assert.Single(read.FamilyMembers).DateOfBirth);
        Assert.Equal(TestCases.Today.AddDays(3), read.DepartedOn);
        Assert.Equal(TestCases.Today.AddDays(4), read.ArrivedOn);
        Assert.Equal(original.ReferredAt, read.ReferredAt);
        Assert.Equal(original.StatusChangedAt, read.StatusChangedAt);
        Assert.Equal(CaseStatus.Arrived, read.Status);
        Assert.Equal(TargetGroup.AsylumProcedureExhausted, read.Category);
        Assert.Equal(TestCases.PartnerOrganisation, read.PartnerId);

        var plan = read.ApprovedPlan!;
        Assert.Equal(PlanStatus.Approved, plan.Status);
        Assert.Equal([1000.25m, 499.75m], plan.BudgetLines.Select(l => l.Amount));
        Assert.Equal(original.ApprovedPlan!.BudgetLines, plan.BudgetLines);
        Assert.Equal(150.50m, plan.CashContribution);
        Assert.Equal(original.ApprovedPlan.Assessment, plan.Assessment);
        Assert.Equal(original.Plan!.ApprovedAt, read.Plan!.ApprovedAt);

        var spending = Assert.Single(read.Spending);
        Assert.Equal(original.Spending[0], spending);
        Assert.Equal(12.3456m, spending.ExchangeRate);
        Assert.Equal(SpendingStatus.Pending, spending.Status);
        Assert.Equal(original.CashContributionPaid, read.CashContributionPaid);

        Assert.Equal(original.Timeline.Count, read.Timeline.Count);
        Assert.True(read.Timeline.Count >= 9);
        Assert.Equal(original.Timeline, read.Timeline);
        Assert.Equal(original.ListingKey, read.ListingKey);
    }

    [Fact]
    public async Task The_stored_document_has_enums_by_name_iso_dates_and_the_listing_key()
    {
        var store = Get<ICaseStore>();
        var original = TestCases.Full();
        await store.TryCreateAsync(original, Cancellation);

        var container = Get<CosmosDatabase>().Container(Containers.Cases);
        var raw = (await container.ReadItemAsync<JsonElement>(original.Id, new PartitionKey(original.Id), cancellationToken: Cancellation)).Resource;

        Assert.Equal("Arrived", raw.GetProperty("status").GetString());
        Assert.Equal("AsylumProcedureExhausted", raw.GetProperty("category").GetString());
        Assert.Equal("2026-03-10", raw.GetProperty("referredOn").GetString());
        Assert.Equal("1990-04-02", raw.GetProperty("person").GetProperty("dateOfBirth").GetString());
        Assert.Equal(original.ListingKey, raw.GetProperty("listingKey").GetString());
        Assert.Equal(1000.25m, raw.GetProperty("approvedPlan").GetProperty("budgetLines")[0].GetProperty("amount").GetDecimal());
    }
}

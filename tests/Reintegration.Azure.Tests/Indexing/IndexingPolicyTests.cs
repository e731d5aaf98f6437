using Reintegration.Azure.Cosmos;
using Reintegration.LocalHost.Configuration;

namespace Reintegration.Azure.Tests.Indexing;

/// <summary>
/// The indexing policy in infra/ against the queries in shared/Reintegration.Azure/Cosmos: a query on a path the policy
/// leaves out would scan every document (or fail, for ORDER BY), so the policy must index every path a query uses.
/// </summary>
public sealed class IndexingPolicyTests
{
    private static readonly string Root = RepositoryLayout.Locate().Root;
    private static readonly string PolicyFile = Path.Combine(Root, "infra", "modules", "cosmos-indexing.json");
    private static readonly IReadOnlyDictionary<string, CosmosIndexingPolicy> Policies = CosmosIndexingPolicy.Load(PolicyFile);

    [Fact]
    public void Every_path_a_query_uses_is_indexed_in_its_container()
    {
        var queries = QueriedPaths.In(QueriedPaths.SourceDirectory(Root));

        var unindexed = queries
            .SelectMany(q => q.Paths.Where(path => !Policies[q.Container].Indexes(path)).Select(path => $"{q.File}: {q.Container} {path}"))
            .ToList();

        Assert.Empty(unindexed);
    }

    [Fact]
    public void The_queries_read_from_the_source_include_the_deadline_retention_and_listing_paths()
    {
        var queries = QueriedPaths.In(QueriedPaths.SourceDirectory(Root));
        var store = queries.Single(q => q.File == "CosmosCaseStore.cs");
        var changes = queries.Single(q => q.File == "CosmosCaseChanges.cs");

        Assert.Equal(Containers.Cases, store.Container);
        Assert.Superset(new HashSet<string>
        {
            "/nextDueOn", "/status", "/hasPendingNotifications", "/retentionStage", "/endedOn", "/erasureInProgress",
            "/listingKey", "/referringOrganisationId", "/partnerId", "/countryOfReturn", "/plan/status",
            "/searchKey", "/person/dateOfBirth",
        }, store.Paths.ToHashSet());
        Assert.Equal(Containers.Cases, changes.Container);
        Assert.Superset(new HashSet<string> { "/_ts", "/scopeHistory/[]" }, changes.Paths.ToHashSet());
    }

    [Fact]
    public void Id_and_ts_count_as_indexed_only_in_consistent_mode_and_an_array_by_its_elements()
    {
        var policy = new CosmosIndexingPolicy(["/tags/[]/?"], ["/*"]);

        Assert.True(policy.Indexes("/_ts"));
        Assert.True(policy.Indexes("/id"));
        Assert.True(policy.Indexes("/tags/[]"));
        Assert.False(policy.Indexes("/tags"));
        Assert.False(policy.Indexes("/ts"));
        Assert.False(new CosmosIndexingPolicy([], ["/*"], Consistent: false).Indexes("/_ts"));
    }

    [Fact]
    public void Every_container_has_a_policy_and_the_bicep_applies_the_file()
    {
        Assert.Equal(Containers.All.Select(c => c.Name).Order(), Policies.Keys.Order());
        var bicep = File.ReadAllText(Path.Combine(Root, "infra", "modules", "cosmos.bicep"));
        Assert.Contains("loadJsonContent('cosmos-indexing.json')", bicep, StringComparison.Ordinal);
        Assert.Contains("indexingPolicy: indexingPolicies[container.name]", bicep, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/person/familyName")]
    [InlineData("/timeline")]
    [InlineData("/spending/amountEur")]
    [InlineData("/checkpoints/report/narrative")]
    [InlineData("/plan/budgetLines")]
    public void What_no_query_uses_is_left_out_where_writes_would_pay_for_it(string path) =>
        Assert.False(Policies[Containers.Cases].Indexes(path));

    [Fact]
    public void A_path_excluded_more_specifically_than_it_is_included_counts_as_left_out()
    {
        var policy = new CosmosIndexingPolicy(["/*", "/plan/status/?"], ["/plan/*", "/\"_etag\"/?"]);

        Assert.True(policy.Indexes("/plan/status"));
        Assert.False(policy.Indexes("/plan/submittedAt"));
        Assert.True(policy.Indexes("/status"));
    }

    [Fact]
    public void Query_paths_are_read_from_string_literals_only()
    {
        const string source = """
            var q = "SELECT * FROM c WHERE c.plan.status = 'Submitted' ORDER BY c.listingKey DESC";
            var codes = countries.Select(c => c.Code);
            where.Add("r.actorId = @actor");
            var n = "SELECT * FROM n WHERE n.organisationId = @organisation AND ARRAY_CONTAINS(c.scopeHistory, @scope)";
            """;

        Assert.Equal(new HashSet<string> { "/plan/status", "/listingKey", "/actorId", "/organisationId", "/scopeHistory/[]" },
            QueriedPaths.Of(source));
    }
}

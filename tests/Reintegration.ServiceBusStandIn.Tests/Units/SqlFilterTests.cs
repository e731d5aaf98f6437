using Reintegration.ServiceBusStandIn.Filtering;

namespace Reintegration.ServiceBusStandIn.Tests.Units;

public sealed class SqlFilterTests
{
    static readonly FilterContext Message = new()
    {
        MessageId = "m-1",
        Subject = "partner.notified",
        ApplicationProperties = new Dictionary<string, object?>
        {
            ["partnerId"] = "gh-001",
            ["organisationId"] = "org-7",
            ["priority"] = "high",
            ["attempt"] = 3,
            ["score"] = 2.5,
            ["urgent"] = true,
            ["with-hyphen"] = "yes",
        },
    };

    [Theory]
    [InlineData("partnerId = 'gh-001'", true)]
    [InlineData("partnerId = 'gh-002'", false)]
    [InlineData("partnerId <> 'gh-002'", true)]
    [InlineData("partnerId != 'gh-001'", false)]
    [InlineData("user.partnerId = 'gh-001'", true)]
    [InlineData("partnerId = 'gh-001' AND organisationId = 'org-7'", true)]
    [InlineData("partnerId = 'gh-001' AND organisationId = 'org-8'", false)]
    [InlineData("partnerId = 'gh-009' OR organisationId = 'org-7'", true)]
    [InlineData("partnerId IN ('gh-003', 'gh-001')", true)]
    [InlineData("partnerId NOT IN ('gh-003', 'gh-001')", false)]
    [InlineData("partnerId IN ('gh-003') OR (priority = 'high' AND organisationId = 'org-7')", true)]
    [InlineData("NOT (priority = 'high')", false)]
    [InlineData("attempt > 2 AND attempt <= 3", true)]
    [InlineData("attempt = 3.0", true)]
    [InlineData("score >= 2.5", true)]
    [InlineData("urgent = TRUE", true)]
    [InlineData("missing = 'x'", false)]
    [InlineData("NOT missing = 'x'", false)]
    [InlineData("missing IS NULL", true)]
    [InlineData("partnerId IS NOT NULL", true)]
    [InlineData("EXISTS(partnerId) AND NOT EXISTS(missing)", true)]
    [InlineData("partnerId LIKE 'gh-%'", true)]
    [InlineData("partnerId LIKE 'gh-_0'", false)]
    [InlineData("partnerId NOT LIKE 'xx%'", true)]
    [InlineData("sys.MessageId = 'm-1'", true)]
    [InlineData("sys.Label = 'partner.notified'", true)]
    [InlineData("[with-hyphen] = 'yes'", true)]
    [InlineData("partnerId = 'gh-001' and organisationId = 'org-7'", true)]
    [InlineData("attempt = 'three'", false)]
    [InlineData("1=1", true)]
    [InlineData("1=0", false)]
    public void Evaluates_like_Service_Bus(string expression, bool expected) =>
        Assert.Equal(expected, SqlFilter.Parse(expression).Matches(Message));

    [Theory]
    [InlineData("")]
    [InlineData("partnerId =")]
    [InlineData("partnerId = 'unclosed")]
    [InlineData("partnerId IN 'a'")]
    [InlineData("(partnerId = 'a'")]
    [InlineData("partnerId = 'a' extra")]
    [InlineData("partnerId + 1 = 2")]
    public void Refuses_what_it_cannot_evaluate(string expression) =>
        Assert.Throws<SqlFilterException>(() => SqlFilter.Parse(expression));

    [Fact]
    public void Quotes_are_escaped_by_doubling()
    {
        var message = new FilterContext { ApplicationProperties = new Dictionary<string, object?> { ["name"] = "O'Brien" } };

        Assert.True(SqlFilter.Parse("name = 'O''Brien'").Matches(message));
    }
}

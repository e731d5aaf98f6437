using Reintegration.ServiceBusStandIn.Configuration;

namespace Reintegration.ServiceBusStandIn.Tests.Units;

public sealed class StandInConfigTests
{
    [Fact]
    public void The_sample_configuration_holds_the_partner_notifications_topic()
    {
        StandInConfig config = StandInConfig.Load(Path.Combine(AppContext.BaseDirectory, "Config.json"));

        TopicConfig topic = Assert.Single(config.UserConfig.Namespaces[0].Topics);
        Assert.Equal("partner-notifications", topic.Name);
        Assert.True(topic.Properties.RequiresDuplicateDetection);
        Assert.Equal(["partner-gh-001", "caseworkers-org-7"], topic.Subscriptions.Select(s => s.Name));
    }

    [Fact]
    public void A_configuration_written_as_JSON_parses_back_the_same()
    {
        StandInConfig config = StandInConfig.Load(Path.Combine(AppContext.BaseDirectory, "ContractEntities.json"));

        StandInConfig again = StandInConfig.Parse(config.ToJson());

        Assert.Equal(config.ToJson(), again.ToJson());
    }

    [Theory]
    [InlineData("""{"UserConfig":{"Namespaces":[]}}""", "exactly one namespace")]
    [InlineData("""{"UserConfig":{"Namespaces":[{"Name":"ns","Queues":[{"Name":"a"},{"Name":"A"}]}]}}""", "defined twice")]
    [InlineData("""{"UserConfig":{"Namespaces":[{"Name":"ns","Queues":[{"Name":"a","Properties":{"LockDuration":"1 minute"}}]}]}}""", "ISO 8601")]
    [InlineData("""{"UserConfig":{"Namespaces":[{"Name":"ns","Queues":[{"Name":"a","Properties":{"RequiresSession":true}}]}]}}""", "RequiresSession")]
    [InlineData("""{"UserConfig":{"Namespaces":[{"Name":"ns","Queues":[{"Name":"a","Properties":{"MaxDeliveryCount":0}}]}]}}""", "MaxDeliveryCount")]
    [InlineData("""{"UserConfig":{"Namespaces":[{"Name":"ns","Topics":[{"Name":"t","Subscriptions":[{"Name":"s","Rules":[{"Name":"r","Properties":{"FilterType":"Sql","SqlFilter":{"SqlExpression":"a = "}}}]}]}]}]}}""", "rule 'r'")]
    [InlineData("""{"UserConfig":{"Namespaces":[{"Name":"ns","Topics":[{"Name":"t","Subscriptions":[{"Name":"s","Rules":[{"Name":"r","Properties":{"FilterType":"Boolean"}}]}]}]}]}}""", "Correlation or Sql")]
    [InlineData("""{ not json""", "not valid JSON")]
    public void A_configuration_it_cannot_serve_is_refused_with_the_place_named(string json, string expectedInMessage)
    {
        var error = Assert.Throws<StandInConfigException>(() => StandInConfig.Parse(json));

        Assert.Contains(expectedInMessage, error.Message);
    }
}

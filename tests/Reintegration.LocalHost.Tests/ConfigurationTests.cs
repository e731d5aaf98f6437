using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Configuration;
using Reintegration.LocalHost.Configuration;
using Reintegration.LocalHost.Queues;
using Reintegration.LocalHost.Tests.Samples;
using Reintegration.LocalHost.Timers;

namespace Reintegration.LocalHost.Tests;

public sealed class ConfigurationTests
{
    [Fact]
    public void The_repository_host_json_is_read()
    {
        var settings = HostJsonSettings.Load(RepositoryLayout.Locate().HostJsonPath);

        Assert.Equal("api", settings.RoutePrefix);
        Assert.Equal(5, settings.Queues.MaxDequeueCount);
        Assert.Equal(TimeSpan.FromSeconds(10), settings.Queues.VisibilityTimeout);
        Assert.Equal(TimeSpan.FromSeconds(2), settings.Queues.MaxPollingInterval);
        Assert.Equal(16, settings.Queues.BatchSize);
    }

    [Fact]
    public void Missing_settings_take_the_functions_host_defaults()
    {
        var settings = HostJsonSettings.Parse("""{ "version": "2.0" }""");

        Assert.Equal("api", settings.RoutePrefix);
        Assert.Equal(new QueueHostSettings(), settings.Queues);
        Assert.Equal(QueueMessageBodyEncoding.Base64, settings.Queues.MessageEncoding);
        Assert.Equal(TimeSpan.FromMinutes(1), settings.Queues.MaxPollingInterval);
    }

    [Fact]
    public void Route_prefix_and_message_encoding_can_be_set()
    {
        var settings = HostJsonSettings.Parse("""{ "extensions": { "http": { "routePrefix": "" }, "queues": { "messageEncoding": "none" } } }""");

        Assert.Equal("", settings.RoutePrefix);
        Assert.Equal(QueueMessageBodyEncoding.None, settings.Queues.MessageEncoding);
    }

    [Fact]
    public void Placeholders_resolve_from_app_settings_in_either_separator_style()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Monitoring:DeadlineSchedule"] = "0 0 6 * * *",
            ["Queues:Name"] = "work",
        }).Build();

        Assert.Equal("0 0 6 * * *", SettingExpressions.Resolve("%Monitoring:DeadlineSchedule%", configuration));
        Assert.Equal("work-items", SettingExpressions.Resolve("%Queues__Name%-items", configuration));
        Assert.Throws<InvalidOperationException>(() => SettingExpressions.Resolve("%Missing%", configuration));
    }

    [Theory]
    [InlineData("0 0 * * * *", "2030-01-01T08:30:00Z", "2030-01-01T09:00:00Z")]
    [InlineData("0 */5 * * * *", "2030-01-01T08:31:10Z", "2030-01-01T08:35:00Z")]
    [InlineData("0 0 6 * * 1", "2030-01-01T08:00:00Z", "2030-01-07T06:00:00Z")]
    [InlineData("00:10:00", "2030-01-01T08:00:00Z", "2030-01-01T08:10:00Z")]
    public void Schedules_are_ncrontab_with_seconds_in_utc_or_intervals(string expression, string now, string expected)
    {
        var next = TimerSchedule.Parse(expression).NextAfter(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), next);
    }

    [Theory]
    [InlineData("0 * * * *")]
    [InlineData("not a schedule")]
    [InlineData("-00:01:00")]
    public void Schedules_the_functions_host_would_refuse_are_refused(string expression)
    {
        Assert.Throws<FormatException>(() => TimerSchedule.Parse(expression));
    }

    [Fact]
    public void Queue_payloads_decode_as_host_json_says_and_bind_to_the_parameter_type()
    {
        var json = """{"caseId":"c-9","step":2}""";
        var base64 = QueuesModelFactory.QueueMessage("id", "receipt", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(json)), 1);
        var plain = QueuesModelFactory.QueueMessage("id", "receipt", json, 1);

        var fromBase64 = QueueMessageBinding.Payload(base64, QueueMessageBodyEncoding.Base64);
        var fromPlain = QueueMessageBinding.Payload(plain, QueueMessageBodyEncoding.None);

        Assert.Equal(json, fromBase64.ToString());
        Assert.Equal(json, fromPlain.ToString());
        Assert.Equal(new SampleCommand("c-9", 2), QueueMessageBinding.Bind(typeof(SampleCommand), plain, fromPlain));
        Assert.Equal(json, QueueMessageBinding.Bind(typeof(string), plain, fromPlain));
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(json), (byte[])QueueMessageBinding.Bind(typeof(byte[]), plain, fromPlain)!);
    }
}

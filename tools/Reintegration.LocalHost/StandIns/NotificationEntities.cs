using System.Text.Json;
using System.Text.Json.Nodes;
using Reintegration.Core.ReferenceData;

namespace Reintegration.LocalHost.StandIns;

/// <summary>
/// The Service Bus entities of a local run, in the shape of the emulator's Config.json: the
/// notification topic with a subscription per partner organisation (partnerId), per referring
/// organisation (organisationId: escalations to caseworkers) and one for the coordinators
/// (every escalation). Made from the seeded organisations, as infrastructure makes them in Azure.
/// </summary>
public static class NotificationEntities
{
    public const string Topic = "partner-notifications";
    public const string CoordinatorSubscription = "coordination";

    public static string ConfigJson(ReferenceDataSet referenceData)
    {
        var subscriptions = new JsonArray();
        foreach (var organisation in referenceData.Organisations.OrderBy(o => o.Id, StringComparer.Ordinal))
        {
            switch (organisation.Kind)
            {
                case OrganisationKind.Partner:
                    subscriptions.Add(Subscription(organisation.Id, $"partnerId = '{organisation.Id}'"));
                    break;
                case OrganisationKind.Referring:
                    subscriptions.Add(Subscription(organisation.Id, $"organisationId = '{organisation.Id}'"));
                    break;
            }
        }
        subscriptions.Add(Subscription(CoordinatorSubscription, "kind = 'Escalation'"));

        var config = new JsonObject
        {
            ["UserConfig"] = new JsonObject
            {
                ["Namespaces"] = new JsonArray(new JsonObject
                {
                    ["Name"] = "sbemulatorns",
                    ["Queues"] = new JsonArray(),
                    ["Topics"] = new JsonArray(new JsonObject
                    {
                        ["Name"] = Topic,
                        ["Properties"] = new JsonObject
                        {
                            ["DefaultMessageTimeToLive"] = "P14D",
                            // Message ids carry the day, so a day's window catches every repeat.
                            ["DuplicateDetectionHistoryTimeWindow"] = "P1D",
                            ["RequiresDuplicateDetection"] = true,
                        },
                        ["Subscriptions"] = subscriptions,
                    }),
                }),
                ["Logging"] = new JsonObject { ["Type"] = "Console" },
            },
        };
        return config.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonObject Subscription(string name, string sqlFilter) => new()
    {
        ["Name"] = name,
        ["Properties"] = new JsonObject
        {
            ["DeadLetteringOnMessageExpiration"] = true,
            ["DefaultMessageTimeToLive"] = "P14D",
            ["LockDuration"] = "PT1M",
            ["MaxDeliveryCount"] = 10,
            ["RequiresSession"] = false,
        },
        ["Rules"] = new JsonArray(new JsonObject
        {
            ["Name"] = "route",
            ["Properties"] = new JsonObject
            {
                ["FilterType"] = "Sql",
                ["SqlFilter"] = new JsonObject { ["SqlExpression"] = sqlFilter },
            },
        }),
    };
}

using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Reintegration.ServiceBusStandIn.Configuration;
using Reintegration.ServiceBusStandIn.Filtering;
using static Reintegration.ServiceBusStandIn.Management.AtomXml;

namespace Reintegration.ServiceBusStandIn.Management;

/// <summary>A RuleDescription (and a subscription's DefaultRuleDescription) read from and written to XML.</summary>
static class RuleXml
{
    public const string DefaultRuleName = "$Default";

    /// <summary>Reads a rule; throws <see cref="ManagementRequestException"/> (400) for what the stand-in cannot apply.</summary>
    public static SubscriptionRule Read(XElement description, string? nameFromPath)
    {
        string name = description.Element(ServiceBus + "Name")?.Value is { Length: > 0 } given ? given : nameFromPath ?? DefaultRuleName;
        if (description.Element(ServiceBus + "Action") is XElement action && action.Attribute(Instance + "type")?.Value is "SqlRuleAction")
        {
            throw ManagementRequestException.BadRequest($"Rule '{name}': SQL rule actions are not supported by the Service Bus stand-in (see its README).");
        }

        XElement? filter = description.Element(ServiceBus + "Filter");
        return new SubscriptionRule(name, filter is null ? TrueFilter.Instance : ReadFilter(filter, name));
    }

    static IMessageFilter ReadFilter(XElement filter, string rule)
    {
        switch (filter.Attribute(Instance + "type")?.Value)
        {
            case "TrueFilter":
                return TrueFilter.Instance;
            case "FalseFilter":
                return FalseFilter.Instance;
            case "SqlFilter":
                if (filter.Element(ServiceBus + "Parameters")?.HasElements == true)
                {
                    throw ManagementRequestException.BadRequest($"Rule '{rule}': SQL filter parameters are not supported by the Service Bus stand-in.");
                }

                string expression = filter.Element(ServiceBus + "SqlExpression")?.Value ?? "";
                try
                {
                    return SqlFilter.Parse(expression);
                }
                catch (SqlFilterException e)
                {
                    throw ManagementRequestException.BadRequest($"Rule '{rule}': the SQL filter cannot be used: {e.Message}");
                }

            case "CorrelationFilter":
                return new CorrelationFilter
                {
                    CorrelationId = Text(filter, "CorrelationId"),
                    MessageId = Text(filter, "MessageId"),
                    To = Text(filter, "To"),
                    ReplyTo = Text(filter, "ReplyTo"),
                    Subject = Text(filter, "Label"),
                    SessionId = Text(filter, "SessionId"),
                    ReplyToSessionId = Text(filter, "ReplyToSessionId"),
                    ContentType = Text(filter, "ContentType"),
                    ApplicationProperties = (filter.Element(ServiceBus + "Properties")?.Elements(ServiceBus + "KeyValueOfstringanyType") ?? [])
                        .ToDictionary(
                            p => p.Element(ServiceBus + "Key")?.Value ?? throw ManagementRequestException.BadRequest($"Rule '{rule}': a correlation property has no key."),
                            p => ReadValue(p.Element(ServiceBus + "Value"), rule)),
                };
            default:
                throw ManagementRequestException.BadRequest($"Rule '{rule}': the filter type is not supported by the Service Bus stand-in.");
        }
    }

    public static XElement Write(SubscriptionRule rule, DateTimeOffset createdAt, string elementName = "RuleDescription") =>
        new(ServiceBus + elementName,
            WriteFilter(rule.Filter),
            new XElement(ServiceBus + "Action", new XAttribute(Instance + "type", "EmptyRuleAction")),
            new XElement(ServiceBus + "CreatedAt", createdAt.UtcDateTime.ToString("o", CultureInfo.InvariantCulture)),
            new XElement(ServiceBus + "Name", rule.Name));

    static XElement WriteFilter(IMessageFilter filter) => filter switch
    {
        TrueFilter => SqlLike("TrueFilter", "1=1"),
        FalseFilter => SqlLike("FalseFilter", "1=0"),
        SqlFilter sql => SqlLike("SqlFilter", sql.Expression),
        CorrelationFilter c => new XElement(ServiceBus + "Filter",
            new XAttribute(Instance + "type", "CorrelationFilter"),
            Optional("CorrelationId", c.CorrelationId),
            Optional("MessageId", c.MessageId),
            Optional("To", c.To),
            Optional("ReplyTo", c.ReplyTo),
            Optional("Label", c.Subject),
            Optional("SessionId", c.SessionId),
            Optional("ReplyToSessionId", c.ReplyToSessionId),
            Optional("ContentType", c.ContentType),
            new XElement(ServiceBus + "Properties", c.ApplicationProperties.Select(p =>
                new XElement(ServiceBus + "KeyValueOfstringanyType",
                    new XElement(ServiceBus + "Key", p.Key),
                    WriteValue(p.Value))))),
        _ => throw new InvalidOperationException($"No XML form for filter {filter.GetType().Name}."),
    };

    static XElement SqlLike(string type, string expression) =>
        new(ServiceBus + "Filter",
            new XAttribute(Instance + "type", type),
            new XElement(ServiceBus + "SqlExpression", expression),
            new XElement(ServiceBus + "CompatibilityLevel", 20));

    static XElement? Optional(string name, string? value) => value is null ? null : new XElement(ServiceBus + name, value);

    static string? Text(XElement filter, string name) => filter.Element(ServiceBus + name)?.Value is { Length: > 0 } value ? value : null;

    /// <summary>Values travel as xsd-typed elements: "d6p1:string" with the prefix bound to the XML Schema namespace.</summary>
    static object? ReadValue(XElement? value, string rule)
    {
        if (value is null || value.Attribute(Instance + "nil")?.Value == "true")
        {
            return null;
        }

        string type = value.Attribute(Instance + "type")?.Value ?? "string";
        string localType = type.Contains(':', StringComparison.Ordinal) ? type[(type.IndexOf(':', StringComparison.Ordinal) + 1)..] : type;
        try
        {
            return localType switch
            {
                "string" => value.Value,
                "int" => XmlConvert.ToInt32(value.Value),
                "long" => XmlConvert.ToInt64(value.Value),
                "boolean" => XmlConvert.ToBoolean(value.Value),
                "double" => XmlConvert.ToDouble(value.Value),
                _ => throw ManagementRequestException.BadRequest($"Rule '{rule}': correlation property values of type '{localType}' are not supported by the Service Bus stand-in."),
            };
        }
        catch (FormatException)
        {
            throw ManagementRequestException.BadRequest($"Rule '{rule}': a correlation property value does not match its type '{localType}'.");
        }
    }

    static XElement WriteValue(object? value)
    {
        (string type, string text) = value switch
        {
            null => ("", ""),
            string s => ("string", s),
            bool b => ("boolean", XmlConvert.ToString(b)),
            int i => ("int", XmlConvert.ToString(i)),
            long l => ("long", XmlConvert.ToString(l)),
            double d => ("double", XmlConvert.ToString(d)),
            _ => ("string", Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
        };
        return type.Length == 0
            ? new XElement(ServiceBus + "Value", new XAttribute(Instance + "nil", "true"))
            : new XElement(ServiceBus + "Value",
                new XAttribute(XNamespace.Xmlns + "d6p1", Schema),
                new XAttribute(Instance + "type", "d6p1:" + type),
                text);
    }
}

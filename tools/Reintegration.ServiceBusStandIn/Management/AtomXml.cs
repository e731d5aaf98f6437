using System.Xml;
using System.Xml.Linq;

namespace Reintegration.ServiceBusStandIn.Management;

/// <summary>
/// The Atom envelope of Service Bus's management API: one entity is an &lt;entry&gt; whose &lt;content&gt;
/// holds its description; a list is a &lt;feed&gt; of entries; the title is the entity's name.
/// </summary>
static class AtomXml
{
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    public static readonly XNamespace ServiceBus = "http://schemas.microsoft.com/netservices/2010/10/servicebus/connect";
    public static readonly XNamespace Instance = "http://www.w3.org/2001/XMLSchema-instance";
    public static readonly XNamespace Schema = "http://www.w3.org/2001/XMLSchema";

    /// <summary>What Service Bus writes for "never" (TimeSpan.MaxValue), e.g. no time to live.</summary>
    public static readonly string Forever = XmlConvert.ToString(TimeSpan.MaxValue);

    public static XElement Entry(string selfUri, string title, DateTimeOffset createdAt, XElement description) =>
        new(Atom + "entry",
            new XAttribute(XNamespace.Xmlns + "i", Instance),
            new XElement(Atom + "id", selfUri),
            new XElement(Atom + "title", new XAttribute("type", "text"), title),
            new XElement(Atom + "published", XmlConvert.ToString(createdAt)),
            new XElement(Atom + "updated", XmlConvert.ToString(createdAt)),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("href", selfUri)),
            new XElement(Atom + "content", new XAttribute("type", "application/xml"), description));

    public static XElement Feed(string selfUri, string title, DateTimeOffset now, IEnumerable<XElement> entries) =>
        new(Atom + "feed",
            new XElement(Atom + "title", new XAttribute("type", "text"), title),
            new XElement(Atom + "id", selfUri),
            new XElement(Atom + "updated", XmlConvert.ToString(now)),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("href", selfUri)),
            entries);

    /// <summary>The description inside a request's entry, or null if the body is not such an entry.</summary>
    public static XElement? Description(string body, string localName)
    {
        XElement root;
        try
        {
            root = XElement.Parse(body);
        }
        catch (XmlException)
        {
            return null;
        }

        return root.Name == Atom + "entry"
            ? root.Element(Atom + "content")?.Element(ServiceBus + localName)
            : null;
    }

    /// <summary>Service Bus's error body: the SDK puts Detail into the exception's message.</summary>
    public static XElement Error(int status, string detail) =>
        new("Error", new XElement("Code", status), new XElement("Detail", detail));
}

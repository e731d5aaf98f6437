using System.Text.Json.Serialization;
using Reintegration.Core.Search;

namespace Reintegration.Core.Cases;

/// <summary>Finding a person: the normalised words of the returnee's names, indexed for search and the duplicate check.</summary>
public sealed partial class Case
{
    /// <summary>
    /// Stored for the index (never read back: always derived from <see cref="Person"/>), so a correction of the names
    /// changes it and anonymisation clears it with them. Personal data: no role view shows it.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<string> SearchWords => Person is null ? [] : PersonSearch.Words(Person.GivenName, Person.FamilyName);

    /// <summary>The words as one indexed value (equality is the cheapest lookup): empty once the names are anonymised.</summary>
    [JsonInclude]
    public string SearchKey => PersonSearch.Key(SearchWords);

}

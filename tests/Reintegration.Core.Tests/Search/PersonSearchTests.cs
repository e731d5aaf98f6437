using System.Text.Json;
using Reintegration.Core.Cases;
using Reintegration.Core.Imports;
using Reintegration.Core.Search;
using Reintegration.Core.Tests.Cases;

namespace Reintegration.Core.Tests.Search;

/// <summary>The normalised name words search and the duplicate check compare, and their erasure with the names.</summary>
public class PersonSearchTests
{
    [Theory]
    [InlineData("José María", "Núñez", "nunez jose maria")]
    [InlineData("NÚÑEZ,", "josé-maría", "maria JOSE Nunez")]
    [InlineData("Søren", "Groß", "gross soren")]
    [InlineData("Łukasz", "Ærø", "aero lukasz")]
    [InlineData("محمد", "علي", "علي محمد")]
    public void Names_in_any_order_with_or_without_accents_are_the_same_words(string given, string family, string query) =>
        Assert.Equal(PersonSearch.Words(query), PersonSearch.Words(given, family));

    [Fact]
    public void Different_names_are_different_words() =>
        Assert.NotEqual(PersonSearch.Words("Ama", "Mensah"), PersonSearch.Words("Ama", "Mensa"));

    [Fact]
    public void The_stored_words_follow_the_names_and_anonymisation_clears_them()
    {
        var c = CaseJourney.In(CaseStatus.Arrived, Guid.NewGuid().ToString("D"));
        Assert.Equal(PersonSearch.Words(c.Person.GivenName, c.Person.FamilyName), Stored(c));
        Assert.NotEmpty(Stored(c));

        c.Close(CaseJourney.Caseworker, TestData.Now, CaseOutcome.ContactLost, "Moved.");
        c.Anonymise(new Anonymisation(TestData.Now.AddYears(2), ErasureReason.Retention, Case.SystemActor, Case.SystemActor, Case.SystemActor, null));

        Assert.Empty(Stored(c));
    }

    [Fact]
    public void An_external_reference_always_gives_the_same_case_id_whatever_its_letter_case()
    {
        Assert.Equal(ExternalReferences.CaseIdFor("P3-GH-000123"), ExternalReferences.CaseIdFor("p3-gh-000123"));
        Assert.NotEqual(ExternalReferences.CaseIdFor("P3-GH-000123"), ExternalReferences.CaseIdFor("P3-GH-000124"));
        Assert.Equal('5', ExternalReferences.CaseIdFor("P3-GH-000123").Value[14]);
    }

    /// <summary>What the store receives: the words as written into the case's document.</summary>
    private static List<string> Stored(Case c) =>
        JsonSerializer.SerializeToElement(c, ProgrammeJson.Options).GetProperty("searchKey").GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
}

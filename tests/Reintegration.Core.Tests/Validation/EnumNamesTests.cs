using System.Text.Json;
using Reintegration.Core.Cases;
using Reintegration.Core.Plans;

namespace Reintegration.Core.Tests.Validation;

public class EnumNamesTests
{
    [Theory]
    [InlineData("DidNotDepart,Withdrew")]
    [InlineData("Withdrew, DidNotDepart")]
    [InlineData(" Withdrew")]
    [InlineData("Withdrew ")]
    [InlineData("withdrew")]
    [InlineData("WITHDREW")]
    [InlineData("1")]
    [InlineData("-1")]
    [InlineData("99")]
    [InlineData("")]
    [InlineData(null)]
    public void Only_an_exact_name_is_an_enum_value(string? text) => Assert.False(EnumNames.IsOne<CaseOutcome>(text));

    [Fact]
    public void Every_name_is_its_value() =>
        Assert.All(Enum.GetValues<CaseOutcome>(), v => Assert.True(EnumNames.TryParse<CaseOutcome>(v.ToString(), out var parsed) && parsed == v));

    [Fact]
    public void Ignoring_case_still_refuses_lists_and_padding()
    {
        Assert.True(EnumNames.TryParse<CaseStatus>("referred", out var status, ignoreCase: true));
        Assert.Equal(CaseStatus.Referred, status);
        Assert.False(EnumNames.TryParse<CaseStatus>("referred,accepted", out _, ignoreCase: true));
        Assert.False(EnumNames.TryParse<CaseStatus>(" referred", out _, ignoreCase: true));
    }

    private sealed record WithArea(SupportArea? Area);

    [Theory]
    [InlineData("\"OwnBusiness,Housing\"")]
    [InlineData("\"ownbusiness\"")]
    [InlineData("\" OwnBusiness\"")]
    [InlineData("1")]
    [InlineData("\"1\"")]
    public void Requests_read_enum_properties_by_exact_name_only(string value) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<WithArea>($"{{\"area\":{value}}}", ProgrammeJson.RequestOptions));

    [Fact]
    public void Requests_read_an_exact_enum_name() =>
        Assert.Equal(SupportArea.Housing, JsonSerializer.Deserialize<WithArea>("{\"area\":\"Housing\"}", ProgrammeJson.RequestOptions)!.Area);
}

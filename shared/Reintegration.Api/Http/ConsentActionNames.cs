namespace Reintegration.Api.Http;

/// <summary>The consent actions, taken at .../actions/{name} beside the transitions; they change no status.</summary>
public static class ConsentActionNames
{
    public const string Withdraw = "withdraw-consent";
    public const string Give = "give-consent";

    public static bool IsOne(string name) => name is Withdraw or Give;
}

namespace Reintegration.Core.Access;

/// <summary>The roles of the programme, as carried in the caller's token.</summary>
public enum Role
{
    Caseworker,
    Coordinator,
    Partner,
    Dpo,
}

public static class Roles
{
    public static bool TryParse(string? value, out Role role)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "caseworker": role = Role.Caseworker; return true;
            case "coordinator": role = Role.Coordinator; return true;
            case "partner": role = Role.Partner; return true;
            case "dpo": role = Role.Dpo; return true;
            default: role = default; return false;
        }
    }

    public static string Name(Role role) => role.ToString().ToLowerInvariant();
}

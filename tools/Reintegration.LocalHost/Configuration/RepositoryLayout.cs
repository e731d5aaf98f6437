namespace Reintegration.LocalHost.Configuration;

/// <summary>Where the repository's local-run files live: found by walking up to the folder that holds tools/standins.</summary>
public sealed record RepositoryLayout(string Root)
{
    public string StandInsDirectory => Path.Combine(Root, "tools", "standins");

    /// <summary>Git-ignored folder for local data: Azurite's files, the development signing key, certificates.</summary>
    public string LocalDataDirectory => Path.Combine(Root, ".localdata");

    public string HostJsonPath => Path.Combine(Root, "host.json");

    /// <summary>Finds the repository from the running binary's folder, else from the working directory.</summary>
    public static RepositoryLayout Locate()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "tools", "standins", "package.json")))
                {
                    return new RepositoryLayout(dir.FullName);
                }
            }
        }

        throw new InvalidOperationException(
            "Cannot find the repository root (a folder holding tools/standins/package.json) above "
            + $"'{AppContext.BaseDirectory}' or the working directory.");
    }
}

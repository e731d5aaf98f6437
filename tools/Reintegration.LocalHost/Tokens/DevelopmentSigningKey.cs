using System.Security.Cryptography;

namespace Reintegration.LocalHost.Tokens;

/// <summary>
/// The local development signing key: 32 random bytes, Base64 in a file (by default .localdata/dev-signing-key,
/// git-ignored), created on first use. Only the local host gives it to the app; the deployed app never trusts it.
/// </summary>
public static class DevelopmentSigningKey
{
    public const string FileName = "dev-signing-key";

    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, FileName);

    /// <summary>Reads the key from the file, creating the file with a new random key when missing.</summary>
    public static byte[] LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            var key = Convert.FromBase64String(File.ReadAllText(path).Trim());
            return key.Length >= 32
                ? key
                : throw new InvalidOperationException($"The development signing key in '{path}' is shorter than 32 bytes; delete the file to make a new one.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var created = RandomNumberGenerator.GetBytes(32);
        try
        {
            // CreateNew: when two processes race to create it, the loser reads the winner's key.
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var writer = new StreamWriter(path, options))
            {
                writer.WriteLine(Convert.ToBase64String(created));
            }

            return created;
        }
        catch (IOException) when (File.Exists(path))
        {
            return LoadOrCreate(path);
        }
    }
}

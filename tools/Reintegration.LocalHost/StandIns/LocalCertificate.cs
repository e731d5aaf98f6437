using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Reintegration.LocalHost.StandIns;

/// <summary>
/// A self-signed TLS certificate for localhost, made here (no openssl) and kept as PEM files in the
/// stand-in's data folder; renewed when it is about to expire.
/// </summary>
public sealed record LocalCertificate(string CertificatePath, string KeyPath, string Thumbprint)
{
    private static readonly TimeSpan Validity = TimeSpan.FromDays(365);
    private static readonly TimeSpan RenewBefore = TimeSpan.FromDays(14);

    public static LocalCertificate Ensure(string directory)
    {
        Directory.CreateDirectory(directory);
        var certificatePath = Path.Combine(directory, "localhost-cert.pem");
        var keyPath = Path.Combine(directory, "localhost-key.pem");
        if (TryLoad(certificatePath, keyPath) is { } existing)
        {
            return existing;
        }

        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));

        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.Add(Validity));
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        WritePrivate(keyPath, rsa.ExportPkcs8PrivateKeyPem());
        return new LocalCertificate(certificatePath, keyPath, certificate.Thumbprint);
    }

    private static LocalCertificate? TryLoad(string certificatePath, string keyPath)
    {
        if (!File.Exists(certificatePath) || !File.Exists(keyPath))
        {
            return null;
        }

        try
        {
            using var certificate = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
            return certificate.NotAfter.ToUniversalTime() > DateTime.UtcNow.Add(RenewBefore)
                ? new LocalCertificate(certificatePath, keyPath, certificate.Thumbprint)
                : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    internal static void WritePrivate(string path, string content)
    {
        File.WriteAllText(path, content);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}

using System.Text;

namespace Reintegration.Azure.Tests.Files;

/// <summary>Small files with real headers of the allowed types.</summary>
internal static class SampleFiles
{
    public static byte[] Pdf { get; } = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n" +
        "trailer\n<< /Root 1 0 R >>\n%%EOF\n");

    public static byte[] Jpeg { get; } =
    [
        0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01,
        0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9,
    ];

    public static byte[] Png { get; } =
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R',
        0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89,
    ];

    /// <summary>A PDF header followed by filler, for sizes above a limit.</summary>
    public static byte[] LargePdf(int size)
    {
        var bytes = new byte[size];
        Random.Shared.NextBytes(bytes);
        Pdf.AsSpan(0, 8).CopyTo(bytes);
        return bytes;
    }
}

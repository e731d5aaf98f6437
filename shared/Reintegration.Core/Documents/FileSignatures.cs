namespace Reintegration.Core.Documents;

/// <summary>Recognises the allowed file types by their first bytes, not by their name or declared type.</summary>
public static class FileSignatures
{
    public const string Pdf = "application/pdf";
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";

    public static readonly IReadOnlyList<string> Allowed = [Pdf, Jpeg, Png];

    /// <summary>How many leading bytes <see cref="Detect"/> needs.</summary>
    public const int HeaderLength = 8;

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static string? Detect(ReadOnlySpan<byte> header) =>
        header.StartsWith(PdfMagic) ? Pdf
        : header.StartsWith(PngMagic) ? Png
        : header.StartsWith(JpegMagic) ? Jpeg
        : null;
}

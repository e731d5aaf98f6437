namespace Reintegration.Core.Documents;

/// <summary>
/// The name a read URL offers a file under: its type and id, never the uploader's file name, which
/// often holds the person's name and would travel in every URL, browser history and storage log.
/// </summary>
public static class DownloadNames
{
    public static string For(CaseDocument document) => $"{TypeWords(document.Type)}-{document.Id}.{Extension(document.ContentType)}";

    private static string TypeWords(DocumentType type) => type switch
    {
        DocumentType.ConsentForm => "consent-form",
        DocumentType.IdentityDocument => "identity-document",
        DocumentType.Receipt => "receipt",
        DocumentType.MonitoringAttachment => "monitoring-attachment",
        _ => "document",
    };

    private static string Extension(string contentType) => contentType switch
    {
        FileSignatures.Pdf => "pdf",
        FileSignatures.Jpeg => "jpg",
        FileSignatures.Png => "png",
        _ => "bin",
    };
}

namespace Reintegration.Core.Documents;

public static class DocumentChecks
{
    /// <summary>Why the uploaded file cannot be accepted, or null when it can.</summary>
    public static string? Reject(CaseDocument document, FileInspection file, long maxBytes)
    {
        if (file.Size > maxBytes)
        {
            return $"The file is {file.Size} bytes; the limit is {maxBytes}.";
        }
        if (file.Size == 0)
        {
            return "The file is empty.";
        }
        var detected = FileSignatures.Detect(file.Header);
        if (detected is null)
        {
            return $"The content is not one of the allowed types ({string.Join(", ", FileSignatures.Allowed)}).";
        }
        if (detected != document.ContentType)
        {
            return $"The content is {detected}, not the declared {document.ContentType}.";
        }
        return null;
    }
}

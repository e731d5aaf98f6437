namespace Reintegration.Core.Plans;

/// <summary>The areas a reintegration plan can support (programme.md, "Preparation").</summary>
public enum SupportArea
{
    Work,
    OwnBusiness,
    Family,
    Education,
    MedicalCare,
    Housing,
    Other,
}

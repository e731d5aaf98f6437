using Reintegration.Core.Access;
using Reintegration.Core.DataProtection;
using Reintegration.Core.Errors;

namespace Reintegration.Core.Cases;

/// <summary>Corrections of the person's details; the timeline records which fields changed and by whom, never the values.</summary>
public sealed partial class Case
{
    private static readonly CaseStatus[] BeforeDeparture =
        [CaseStatus.Referred, CaseStatus.Accepted, CaseStatus.PartnerAssigned, CaseStatus.PlanSubmitted, CaseStatus.PlanApproved];

    public IReadOnlyList<string> Rectify(Caller actor, DateTimeOffset now, PersonCorrection correction)
    {
        var partner = actor.Role == Role.Partner;
        if (partner && (correction.GivenName ?? correction.FamilyName ?? (object?)correction.DateOfBirth ?? correction.FamilyMembers) is not null
            || partner && correction.Contact?.Email is not null)
        {
            throw new ForbiddenException("A partner corrects the contact details in the country of return (phone, address) only.");
        }
        if (partner ? Status is not (CaseStatus.Arrived or CaseStatus.Monitoring) : !BeforeDeparture.Contains(Status))
        {
            throw new ConflictException(partner
                ? $"The partner keeps the contact details current after arrival; the case is {Status}."
                : $"The caseworker corrects the person's details before departure; the case is {Status}. After arrival the partner keeps the contact details current.");
        }
        var changed = new List<string>();
        var person = Person;
        if (correction.GivenName is { } given && given != person.GivenName) { person = person with { GivenName = given }; changed.Add("givenName"); }
        if (correction.FamilyName is { } family && family != person.FamilyName) { person = person with { FamilyName = family }; changed.Add("familyName"); }
        if (correction.DateOfBirth is { } born && born != person.DateOfBirth) { person = person with { DateOfBirth = born }; changed.Add("dateOfBirth"); }
        if (correction.Contact is { } contact)
        {
            var current = person.Contact;
            var next = current with
            {
                Phone = contact.Phone ?? current.Phone,
                Email = contact.Email ?? current.Email,
                Address = contact.Address ?? current.Address,
            };
            if (next.Phone != current.Phone) changed.Add("contact.phone");
            if (next.Email != current.Email) changed.Add("contact.email");
            if (next.Address != current.Address) changed.Add("contact.address");
            person = person with { Contact = next };
        }
        Person = person;
        if (correction.FamilyMembers is { } members)
        {
            var corrected = members.Select(m => new FamilyMember
            {
                GivenName = m.GivenName!, FamilyName = m.FamilyName!, DateOfBirth = m.DateOfBirth!.Value, Relationship = m.Relationship!,
            }).ToList();
            if (!corrected.SequenceEqual(FamilyMembers))
            {
                FamilyMembers = corrected;
                changed.Add("familyMembers");
            }
        }
        Record("rectify-person", actor, now, changed.Count == 0 ? "No change" : $"Corrected: {string.Join(", ", changed)}");
        return changed;
    }
}

using Reintegration.Core.Access;
using Reintegration.Core.Cases;
using Reintegration.Core.Errors;
using Reintegration.Core.Referrals;

namespace Reintegration.Core.Tests.Access;

public class CaseAccessPolicyTests
{
    private static readonly Case OwnCase = Case.Refer("case-1", TestData.Caseworker("org-ref-demo"), TestData.Now,
        DateOnly.FromDateTime(TestData.Now.Date), TestData.ValidReferral(), TargetGroup.VulnerableMigrant, "phase-4");

    [Theory]
    [InlineData(Role.Caseworker, "org-ref-demo", true)]
    [InlineData(Role.Caseworker, "org-ref-other", false)]
    [InlineData(Role.Coordinator, "org-coordination", true)]
    [InlineData(Role.Dpo, "org-coordination", true)]
    [InlineData(Role.Partner, "partner-gh-1", false)] // not assigned yet
    public void Who_sees_a_referred_case(Role role, string organisation, bool sees) =>
        Assert.Equal(sees, CaseAccessPolicy.CanSee(new Caller("u", role, organisation), OwnCase));

    [Fact]
    public void A_case_outside_the_scope_is_reported_as_not_found() =>
        Assert.Throws<NotFoundException>(() =>
            CaseAccessPolicy.EnsureCanSee(new Caller("u", Role.Caseworker, "org-ref-other"), OwnCase, OwnCase.Id));

    [Theory]
    [InlineData(Role.Coordinator)]
    [InlineData(Role.Partner)]
    [InlineData(Role.Dpo)]
    public void Only_caseworkers_refer(Role role) =>
        Assert.Throws<ForbiddenException>(() => CaseAccessPolicy.EnsureCanRefer(new Caller("u", role, "x")));

    [Fact]
    public void The_list_scope_follows_the_role()
    {
        Assert.Equal(new CaseScope.OfReferringOrganisation("org-a"), CaseAccessPolicy.ScopeOf(new Caller("u", Role.Caseworker, "org-a")));
        Assert.Equal(new CaseScope.AssignedToPartner("p-1"), CaseAccessPolicy.ScopeOf(new Caller("u", Role.Partner, "p-1")));
        Assert.Equal(new CaseScope.AllCases(), CaseAccessPolicy.ScopeOf(new Caller("u", Role.Dpo, "org-coordination")));
    }
}

using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Reintegration.Core.Access;
using Reintegration.Core.Cases;
using Reintegration.Core.Idempotency;
using Reintegration.Core.Plans;
using Reintegration.Core.ReferenceData;
using Reintegration.Core.Referrals;
using Reintegration.Core.Time;

namespace Reintegration.Core;

public static class CoreServices
{
    /// <summary>The programme's use cases and rules; the ports are registered by the adapters.</summary>
    public static IServiceCollection AddProgramme(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new ProgrammeClock(sp.GetRequiredService<TimeProvider>(), ProgrammeClock.DefaultZone));
        services.AddSingleton<IValidator<ReferralRequest>, ReferralRequestValidator>();
        services.AddSingleton<EligibilityCheck>();
        services.AddSingleton<IdempotentCreation>();
        services.AddSingleton<RegisterReferral>();
        services.AddSingleton<OneOpenCasePerPerson>();
        services.AddSingleton<CaseQueries>();
        services.AddSingleton<IValidator<(CaseAction, CaseActionRequest)>, CaseActionRequestValidator>();
        services.AddSingleton<IValidator<PlanRequest>, PlanRequestValidator>();
        services.AddSingleton<ChangeCase>();
        services.AddSingleton<AccessLog.AccessLogQueries>();
        services.AddSingleton<IValidator<DataProtection.ConsentRequest>, DataProtection.ConsentRequestValidator>();
        services.AddSingleton<DataProtection.CaseConsent>();
        services.AddSingleton<IValidator<DataProtection.PersonCorrection>, DataProtection.PersonCorrectionValidator>();
        services.AddSingleton<DataProtection.Rectification>();
        services.AddSingleton<DataProtection.SubjectAccess>();
        services.AddSingleton<Tasks.TaskList>();
        services.AddOptions<Documents.DocumentOptions>();
        services.AddSingleton<IValidator<Documents.DocumentRequest>, Documents.DocumentRequestValidator>();
        services.AddSingleton<Documents.CaseDocuments>();
        services.AddSingleton<IValidator<Spending.SpendingRequest>, Spending.SpendingRequestValidator>();
        services.AddSingleton<Spending.CaseSpending>();
        services.AddSingleton<Gate.CaseGate>();
        services.AddSingleton<Gate.SystemCaseChanges>();
        services.AddOptions<Monitoring.MonitoringWindows>();
        services.AddOptions<Monitoring.DeadlineJobOptions>()
            .Validate(o => o.IsValid, "Setting Monitoring:DeadlineParallelism must be from 1 to 64.")
            .ValidateOnStart();
        services.AddSingleton<IValidator<Monitoring.ReportRequest>, Monitoring.ReportRequestValidator>();
        services.AddSingleton<Monitoring.CaseMonitoring>();
        services.AddSingleton<Observability.ProgrammeMetrics>();
        services.AddSingleton<Monitoring.MonitoringDeadlines>();
        services.AddSingleton<Monitoring.NotificationDelivery>();
        services.AddSingleton<Notifications.NotificationInbox>();
        services.AddSingleton<Notifications.OrganisationSubscriptionSync>();
        services.AddSingleton<ReferenceDataQueries>();
        services.AddOptions<ReferenceDataCacheOptions>()
            .Validate(o => o.IsValid, "Setting ReferenceData:MaxStaleness must be from 00:00:00 to 00:05:00.")
            .ValidateOnStart();
        services.AddSingleton<OrganisationMembership>();
        services.AddSingleton<IValidator<CountryRequest>, CountryRequestValidator>();
        services.AddSingleton<IValidator<PartnerRequest>, PartnerRequestValidator>();
        services.AddSingleton<IValidator<ReferringOrganisationRequest>, ReferringOrganisationRequestValidator>();
        services.AddSingleton<IValidator<PhaseRequest>, PhaseRequestValidator>();
        services.AddSingleton<MaintainReferenceData>();
        services.AddOptions<Retention.RetentionOptions>()
            .Validate(o => o.Problem() is null, "Settings Retention:PersonalDataMonths (1 to 240) and Retention:FinancialRecordsYears " +
                "(1 to 30, ending no earlier than the personal data period) are not valid.")
            .ValidateOnStart();
        services.AddSingleton<Retention.CaseErasure>();
        services.AddSingleton<Retention.RetentionJob>();
        services.AddSingleton<Retention.RetentionPreview>();
        services.AddSingleton<IValidator<Retention.ErasureRequest>, Retention.ErasureRequestValidator>();
        services.AddSingleton<Retention.ErasureRequests>();
        services.AddOptions<Reports.ReportOptions>()
            .Validate(o => o.Valid, "Setting Reports:SmallCellThreshold must be from 2 to 100.").ValidateOnStart();
        services.AddSingleton<Reports.ReportFigures>();
        services.AddSingleton<Reports.ReportFiguresJob>();
        services.AddSingleton<Reports.ProgrammeReports>();
        return services;
    }
}

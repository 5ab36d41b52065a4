using NingxiaTrade.Domain.Calendar;
using NingxiaTrade.Domain.Projects;
using NingxiaTrade.Domain.Workflows;
using NingxiaTrade.Workbench.Features.Projects;
using NingxiaTrade.Workbench.Features.Shell;

// In the implicitly imported namespace of service registration, so Program.cs needs only the calls.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers trading projects and the workflow runtime.</summary>
public static class ProjectsModuleRegistration
{
    public static IServiceCollection AddProjectsModule(this IServiceCollection services, IConfiguration configuration)
    {
        // Statutory limits: settings with their legal defaults (TradingRules documents each).
        services.AddSingleton(configuration.GetSection("TradingRules").Get<TradingRules>() ?? new TradingRules());
        services.AddScoped<IWorkingDayCalculator, CalendarWorkingDays>();
        services.AddScoped<WorkflowEngine>();
        services.AddScoped<WorkflowDefinitionService>();
        services.AddScoped<ProjectRegistration>();
        services.AddScoped<ListingConsentFiles>();
        // The projects module's published read interface; other modules read projects only through it.
        services.AddScoped<IProjectDirectory, ProjectDirectory>();
        services.AddScoped<ProjectWorkflowService>();
        services.AddScoped<IBidDeadlineExtender>(sp => sp.GetRequiredService<ProjectWorkflowService>());
        services.AddScoped<ProjectDutyService>();
        services.AddScoped<ItemDuties>();
        services.AddHostedService<WorkflowTimerService>();
        services.AddWorkbenchModule<ProjectsModule>();
        return services;
    }

    public static WebApplication MapProjectsApi(this WebApplication app)
    {
        ProjectEndpoints.MapProjectEndpoints(app);
        return app;
    }
}

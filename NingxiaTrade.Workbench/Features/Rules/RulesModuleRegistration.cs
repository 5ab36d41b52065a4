using NingxiaTrade.Domain.Rules;
using NingxiaTrade.Workbench.Features.Rules;
using NingxiaTrade.Workbench.Features.Shell;

// In the implicitly imported namespace of service registration, so Program.cs needs only the two calls.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the 制度规则 module's services and maps its endpoints.</summary>
public static class RulesModuleRegistration
{
    public static IServiceCollection AddRulesModule(this IServiceCollection services)
    {
        services.AddWorkbenchModule<RulesModule>();
        services.AddWorkbenchModule<PublicRulesModule>();
        services.AddScoped<RuleInventory>();
        services.AddScoped<PublicConsultation>();
        services.AddScoped<RuleCatalogue>();
        services.AddScoped<DocumentTemplates>();
        services.AddScoped<RuleAttachments>();
        // The projects module may register a richer source; this one reads the registration data.
        services.AddScoped<ITemplateDataSource, ProjectTemplateDataSource>();
        return services;
    }

    public static WebApplication MapRulesApi(this WebApplication app)
    {
        RuleEndpoints.Map(app);
        return app;
    }
}

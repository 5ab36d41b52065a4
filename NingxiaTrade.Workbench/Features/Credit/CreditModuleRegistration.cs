using NingxiaTrade.Domain.Credit;
using NingxiaTrade.Workbench.Features.Credit;
using NingxiaTrade.Workbench.Features.Shell;
using NingxiaTrade.Workbench.Infrastructure;
using NingxiaTrade.Workbench.Security;

// In the implicitly imported namespace of service registration, so Program.cs needs only the two calls.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the 信用 module (records, ratings, bans, CreditGate, repair) and maps its endpoints.</summary>
public static class CreditModuleRegistration
{
    public static IServiceCollection AddCreditModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddWorkbenchModule<CreditModule>();
        // Score points and rating thresholds: settings with defaults (CreditScoringSettings documents each).
        services.AddSingleton(configuration.GetSection("Credit:Scoring").Get<CreditScoringSettings>() ?? new CreditScoringSettings());
        services.AddScoped<CreditGate>();
        services.AddScoped<CreditAdministration>();
        services.AddScoped<CreditQueries>();
        services.AddScoped<CreditRepairService>();
        return services;
    }

    public static WebApplication MapCreditApi(this WebApplication app)
    {
        ApiSetup.PublicApi(app).MapGet("/credit/{creditCode}", CreditEndpoints.PublicReportAsync)
            .WithName("PublicCreditQuery")
            .WithSummary("按统一社会信用代码查询市场主体信用：400 代码格式错误（说明未通过的规则），404 未登记，200 名称、信用等级与在期惩戒");
        app.MapGroup("/credit").RequireAuthorization(Policies.CreditKeeper)
            .MapGet("/bans/template.xlsx", CreditEndpoints.Template)
            .WithSummary("下载禁入名单导入模板");
        return app;
    }
}

using System.Security.Claims;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Workbench.Security;
using Scalar.AspNetCore;

namespace NingxiaTrade.Workbench.Infrastructure;

/// <summary>
/// /health, the OpenAPI document of /api and, in Development, its browsable page at /scalar.
/// /api/public/* is anonymous; the rest of /api needs a signed-in user or a partner's API key.
/// </summary>
public static class ApiSetup
{
    public static IServiceCollection AddWorkbenchApi(this IServiceCollection services)
    {
        services.AddHealthChecks().AddDbContextCheck<TradeDbContext>("database");
        services.AddOpenApi(options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "宁夏公共资源交易平台 API";
                document.Info.Description = "/api/public/* 供社会公众匿名访问；其余 /api 需登录或使用管理员签发的 API 密钥（请求头 X-Api-Key）。";
                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static WebApplication MapWorkbenchApi(this WebApplication app)
    {
        app.MapHealthChecks("/health");
        app.MapOpenApi("/openapi/{documentName}.json");
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference("/scalar", options => options.WithTitle("宁夏公共资源交易平台 API"));
        }
        Api(app).MapGet("/me", (ClaimsPrincipal user) => new
            {
                name = user.Identity?.Name,
                roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToArray(),
            })
            .WithName("WhoAmI")
            .WithSummary("当前调用者（登录用户或 API 密钥）");
        return app;
    }

    /// <summary>The group for non-public endpoints: a module maps its /api routes on it.</summary>
    public static RouteGroupBuilder Api(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup("/api").RequireAuthorization(Policies.ApiCaller);

    /// <summary>The group for anonymous endpoints under /api/public.</summary>
    public static RouteGroupBuilder PublicApi(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup("/api/public").AllowAnonymous();
}

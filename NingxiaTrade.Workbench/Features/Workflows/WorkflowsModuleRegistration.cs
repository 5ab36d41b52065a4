using NingxiaTrade.Workbench.Features.Shell;
using NingxiaTrade.Workbench.Features.Workflows;
using NingxiaTrade.Workbench.Infrastructure;

// In the implicitly imported namespace of service registration, so Program.cs needs only the two calls.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the 流程定义 screens and the public service-process endpoint (the services come with AddProjectsModule).</summary>
public static class WorkflowsModuleRegistration
{
    public static IServiceCollection AddWorkflowsModule(this IServiceCollection services)
    {
        services.AddWorkbenchModule<WorkflowsModule>();
        services.AddWorkbenchModule<PublicWorkflowsModule>();
        services.AddWorkbenchModule<WorkflowLegalReviewModule>();
        return services;
    }

    public static WebApplication MapWorkflowsApi(this WebApplication app)
    {
        ApiSetup.PublicApi(app).MapGet("/workflows", WorkflowEndpoints.PublishedAsync)
            .WithName("PublicWorkflows")
            .WithSummary("各交易类型现行（最新发布版本）的公开服务流程：环节、最短期限及法律依据、办理角色、是否需行政监督部门审批")
            .Produces<List<PublicWorkflow>>();
        return app;
    }
}

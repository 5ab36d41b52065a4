using Microsoft.AspNetCore.Authorization;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Bidding;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Workbench.Features.Bidding;
using NingxiaTrade.Workbench.Features.Shell;
using NingxiaTrade.Workbench.Infrastructure;

// In the implicitly imported namespace of service registration, so Program.cs needs only the two calls.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the 电子投标 module (tender documents, deposits) and maps the document download and the deposit refund list.</summary>
public static class BiddingModuleRegistration
{
    public const string DocumentPath = "/bidding/documents/{id:guid}";
    public const string DepositRefundListPath = "/bidding/projects/{id:guid}/deposit-refunds.xlsx";
    public const string AmendmentFilePath = "/bidding/amendments/{id:guid}/file";

    public static IServiceCollection AddBiddingModule(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddWorkbenchModule<BiddingModule>();
        services.AddSingleton((configuration.GetSection("Bidding").Get<BiddingSettings>() ?? new BiddingSettings()).Validated());
        // Bidding:DocumentFolder, or tender-documents under the data folder; several servers may share one folder.
        var folder = configuration["Bidding:DocumentFolder"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, environment.ContentRootPath)
            : StoredFiles.Folder(configuration, environment, "tender-documents");
        services.AddSingleton<IDocumentStore>(new FileSystemDocumentStore(folder));
        services.AddScoped<TenderDocumentService>();
        services.AddSingleton(configuration.GetSection("Bidding:Deposits").Get<DepositSettings>() ?? new DepositSettings());
        services.AddScoped<DepositService>();
        services.AddScoped<IDepositDirectory>(sp => sp.GetRequiredService<DepositService>());
        services.AddScoped<NingxiaTrade.Domain.Workflows.IWorkflowEventHandler, DepositWorkflowEvents>();

        // Sealed bids: ciphertext in Bidding:BidFolder (or bid-files under the data folder), the escrow key from its file.
        var bidFolder = configuration["Bidding:BidFolder"] is { Length: > 0 } bids
            ? Path.GetFullPath(bids, environment.ContentRootPath)
            : StoredFiles.Folder(configuration, environment, "bid-files");
        services.AddSingleton<IBidFileStore>(new FileSystemBidFileStore(bidFolder));
        services.AddSingleton(EscrowKeySetup.Open(configuration, environment));
        services.AddSingleton<OpeningRoomHub>();
        services.AddScoped<SealedBidService>();
        services.AddScoped<BidOpeningService>();
        services.AddScoped<NingxiaTrade.Domain.Workflows.IWorkflowFactSource, SealedBidFacts>();
        services.AddScoped<NingxiaTrade.Domain.Workflows.IWorkflowEventHandler, BiddingWorkflowHandler>();
        services.AddScoped<ClarificationService>();
        // Every later change of a bid deadline keeps the notice period after an amendment (招标投标法 第23条).
        services.AddSingleton<NingxiaTrade.Domain.Projects.IBidDeadlineFloorSource, AmendmentDeadlineFloor>();
        return services;
    }

    public static WebApplication MapBiddingApi(this WebApplication app)
    {
        app.MapGet(DocumentPath, DownloadAsync)
            .RequireAuthorization(new AuthorizeAttribute())
            .WithSummary("下载招标文件（记录下载单位、人员、时间和地址；被禁入的主体拒绝并说明原因）");
        app.MapGet(DepositRefundListPath, async (Guid id, DepositService deposits, CancellationToken cancellationToken) =>
            {
                try
                {
                    return Results.File(await deposits.ExportRefundListAsync(id, cancellationToken), ExcelImport.XlsxContentType, "投标保证金退还清单.xlsx");
                }
                catch (NotFoundException)
                {
                    return Results.NotFound();
                }
                catch (AccessDeniedException)
                {
                    return Results.Forbid();
                }
            })
            .RequireAuthorization(new AuthorizeAttribute { Roles = $"{Roles.CentreClerk},{Roles.Supervisor}" })
            .WithSummary("下载项目的投标保证金退还清单（交易中心工作人员、行政监督人员）");
        app.MapGet(AmendmentFilePath, (Guid id, ClarificationService clarifications, CancellationToken cancellationToken) =>
                SendAsync(() => clarifications.OpenFileAsync(id, cancellationToken), "不能下载澄清或修改文件"))
            .RequireAuthorization(new AuthorizeAttribute())
            .WithSummary("下载澄清或修改文件（获取招标文件的潜在投标人、本项目招标人或代理机构、交易中心和行政监督人员）");
        return app;
    }

    /// <summary>Streams the file; a refusal is 403 with its reason, an unknown or hidden document 404.</summary>
    private static Task<IResult> DownloadAsync(Guid id, HttpContext http, TenderDocumentService documents, CancellationToken cancellationToken) =>
        SendAsync(() => documents.DownloadAsync(id, http.Connection.RemoteIpAddress?.ToString(), cancellationToken), "不能下载招标文件");

    private static async Task<IResult> SendAsync(Func<Task<TenderDocumentFile>> open, string refusedTitle)
    {
        try
        {
            var file = await open();
            return Results.Stream(file.Content, ContentType(file.FileName), file.FileName);
        }
        catch (NotFoundException)
        {
            return Results.NotFound();
        }
        catch (AccessDeniedException e)
        {
            return Results.Problem(title: "无权下载", detail: e.Message, statusCode: StatusCodes.Status403Forbidden);
        }
        catch (DomainException e)
        {
            return Results.Problem(title: refusedTitle, detail: e.Message, statusCode: StatusCodes.Status403Forbidden);
        }
    }

    private static string ContentType(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".pdf" => "application/pdf",
        ".zip" => "application/zip",
        ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => "application/octet-stream",
    };
}

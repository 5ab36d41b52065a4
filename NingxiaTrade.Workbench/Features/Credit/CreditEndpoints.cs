using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Credit;

namespace NingxiaTrade.Workbench.Features.Credit;

/// <summary>The credit module's HTTP endpoints.</summary>
internal static class CreditEndpoints
{
    public sealed record SanctionResponse(string Kind, string Reason, DateOnly From, DateOnly To);

    public sealed record CreditResponse(string CreditCode, string Name, string Rating, IReadOnlyList<SanctionResponse> Sanctions);

    public static async Task<IResult> PublicReportAsync(string creditCode, CreditQueries credit, CancellationToken cancellationToken)
    {
        if (CreditCode.Validate(creditCode) is { } rule)
        {
            return Results.Problem(title: "统一社会信用代码格式错误", detail: rule, statusCode: StatusCodes.Status400BadRequest);
        }
        var report = await credit.PublicReportAsync(creditCode, cancellationToken);
        if (report is null)
        {
            return Results.Problem(title: "未找到", detail: $"统一社会信用代码 {CreditCode.Parse(creditCode)} 未在宁夏公共资源交易平台市场主体库中登记。",
                statusCode: StatusCodes.Status404NotFound);
        }
        return Results.Ok(new CreditResponse(report.CreditCode, report.Name, report.Rating,
            report.Sanctions.Select(s => new SanctionResponse(s.Kind, s.Reason, s.From, s.To)).ToList()));
    }

    public static IResult Template(CreditAdministration credit) =>
        Results.File(credit.Template(), CreditAdministration.XlsxContentType, "禁入名单导入模板.xlsx");
}

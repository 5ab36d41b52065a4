using System.Globalization;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Domain.Projects;

namespace NingxiaTrade.Domain.Bidding;

/// <summary>One row of an imported bank statement: matched to a deposit (now 已到账), or not, with the reason.</summary>
public sealed record StatementLine(int Row, DateTime AtUtc, string Reference, string PayerName, string PayerAccount, Money Amount, bool Matched,
    string? DepositNumber, string? EntityName, int? LotNumber, string Note);

/// <summary>
/// The outcome of a statement import: every row with what became of it. When <see cref="ImportResult.Errors"/> is not
/// empty nothing was written.
/// </summary>
public sealed record StatementImportResult(IReadOnlyList<StatementLine> Lines, IReadOnlyList<ImportRowError> Errors) : ImportResult(Errors)
{
    public override string Summary => $"共 {Lines.Count} 笔，匹配并确认到账 {Lines.Count(l => l.Matched)} 笔，未匹配 {Lines.Count(l => !l.Matched)} 笔（请人工核对）。";
}

public sealed partial class DepositService
{
    /// <summary>The columns of a statement (the centre's bank exports its sub-account statement in this layout).</summary>
    public static readonly IReadOnlyList<string> StatementHeader = ["交易时间", "流水号", "付款户名", "付款账号", "付款银行", "金额（元）", "摘要"];

    private sealed record StatementRow(DateTime AtUtc, string Reference, string PayerName, string PayerAccount, string Bank, Money Amount, string Memo);

    /// <summary>
    /// Imports the bank statement of the project's sub-account (.xlsx, <see cref="StatementHeader"/>): each credit is matched to a
    /// 待缴 transfer by reference and amount and that deposit becomes 已到账 at the credit's time. A row that matches nothing —
    /// unknown reference, another amount, another paying account, a cash deposit, after the deadline — is listed for the
    /// clerk, not an error. A malformed row refuses the whole file: nothing is saved (all or nothing).
    /// </summary>
    public async Task<StatementImportResult> ImportStatementAsync(Guid projectId, string fileName, long? length, Stream content,
        CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.CentreClerk);
        var project = await projects.FindAsync(projectId, cancellationToken) ?? throw new NotFoundException("项目不存在或您无权查看。");
        var lines = new List<StatementLine>();
        var outcome = await (imports ?? ExcelImport.Default).ImportAsync(new ExcelImportFile(fileName, length, content), StatementLayout(), contexts,
            async (db, rows, refuse, ct) =>
            {
                await MatchAsync(db, project, rows, lines, ct);
                return new StatementImportResult(lines, []);
            }, cancellationToken);
        return outcome.Summary ?? new StatementImportResult([], outcome.Errors);
    }

    private async Task MatchAsync(TradeDbContext db, ProjectSummary project, IReadOnlyList<ImportedRow<StatementRow>> rows, List<StatementLine> lines,
        CancellationToken cancellationToken)
    {
        var deposits = await db.Deposits.Where(d => d.ProjectId == project.Id && d.Method == DepositMethod.BankTransfer).ToListAsync(cancellationToken);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var by = currentUser.ActorName();
        foreach (var (row, r) in rows.Select(x => (x.Row, x.Value)))
        {
            StatementLine Line(bool matched, Deposit? d, string note) =>
                new(row, r.AtUtc, r.Reference, r.PayerName, r.PayerAccount, r.Amount, matched, d?.Number, d?.EntityName, d?.LotNumber, note);
            var deposit = deposits.FirstOrDefault(d => d.Reference == r.Reference);
            var deadline = deposit is null ? null : project.Lots.FirstOrDefault(l => l.Number == deposit.LotNumber)?.BidDeadlineUtc;
            string? problem = null;
            if (seen.TryGetValue(r.Reference, out var first))
            {
                problem = $"流水号与第{first}行重复";
            }
            else if (r.Memo.Contains("现金", StringComparison.Ordinal))
            {
                problem = project.TradeType == TradeType.GovernmentProcurement
                    ? "现金缴存：政府采购投标保证金应以支票、汇票、本票或者保函等非现金形式提交（《政府采购法实施条例》第三十三条）"
                    : "现金缴存：工程建设项目投标保证金应当从投标人的基本账户转出（《招标投标法实施条例》第二十六条）";
            }
            else if (deposit is null)
            {
                problem = "没有投标人以该流水号登记保证金";
            }
            else if (r.Amount != deposit.Amount)
            {
                problem = $"金额与应缴保证金 {deposit.Amount} 不符";
            }
            else if (r.PayerAccount != deposit.PayerAccount)
            {
                problem = $"付款账号与投标人登记的 {deposit.PayerAccount} 不符";
            }
            else if (deposit.Status != DepositStatus.Pending)
            {
                problem = $"该保证金已{deposit.Status.Chinese()}";
            }
            else if (deadline is { } d && r.AtUtc > d)
            {
                problem = $"到账时间晚于投标截止时间 {ChinaTime.Format(d)}";
            }
            seen.TryAdd(r.Reference, row);
            if (problem is not null)
            {
                lines.Add(Line(false, deposit is not null && problem.StartsWith("流水号", StringComparison.Ordinal) ? null : deposit, problem));
                continue;
            }
            deposit!.ConfirmArrival(r.AtUtc, by);
            lines.Add(Line(true, deposit, "已确认到账"));
        }
    }

    private ExcelImportLayout<StatementRow> StatementLayout() => new()
    {
        Header = StatementHeader,
        MaxBytes = settings.StatementMaxBytes,
        MaxRows = 5000,
        OneRowIs = "一笔入账",
        HeaderAdvice = "请使用银行导出的子账户对账单，表头依次为：" + string.Join("、", StatementHeader) + "。",
        ReadRow = ReadStatementRow,
    };

    private static StatementRow? ReadStatementRow(ExcelRow cells, RowProblems problems)
    {
        var errors = problems.Count;
        DateTime? at = cells[0].Kind == ExcelCellKind.Date
            ? DateTime.FromOADate(cells[0].Number)
            : DateTime.TryParseExact(cells[0].Trimmed, ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd"], CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var parsed) ? parsed : null;
        if (at is null)
        {
            problems.Add($"交易时间“{cells[0].Trimmed}”无法识别，请填写日期时间（如 2026-12-10 14:30:00）。", StatementHeader[0]);
        }
        var reference = cells[1].Trimmed;
        if (reference.Length is < 4 or > 64)
        {
            problems.Add("流水号应为4至64个字符。", StatementHeader[1]);
        }
        var account = cells[3].Trimmed.Replace(" ", "", StringComparison.Ordinal);
        Money? amount = null;
        var amountText = cells[5].Kind == ExcelCellKind.Number ? cells[5].Number.ToString(CultureInfo.InvariantCulture) : cells[5].Trimmed.Replace(",", "", StringComparison.Ordinal);
        if (decimal.TryParse(amountText, NumberStyles.Number, CultureInfo.InvariantCulture, out var yuan) && yuan > 0 && decimal.Round(yuan, 2) == yuan)
        {
            amount = Money.FromYuan(yuan);
        }
        else
        {
            problems.Add($"金额“{cells[5].Trimmed}”应为大于0、最多两位小数的元数。", StatementHeader[5]);
        }
        return problems.Count == errors && at is { } time && amount is { } money
            ? new StatementRow(ChinaTime.ToUtc(time), reference, cells[2].Trimmed, account, cells[4].Trimmed, money, cells[6].Trimmed)
            : null;
    }

    /// <summary>
    /// The refund list of the project (.xlsx): every deposit due back or refunded, with the bidder's account or guarantee,
    /// the refund basis and last day, the interest and the late fee — for the centre's finance office. Clerks and supervisors.
    /// </summary>
    public async Task<byte[]> ExportRefundListAsync(Guid projectId, CancellationToken cancellationToken = default)
    {
        var rows = (await ProjectDepositsAsync(projectId, cancellationToken))
            .Where(d => d.Status == DepositStatus.Refunded || (d.Status == DepositStatus.Received && d.RefundBasis is not null)).ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var deposits = (await db.Deposits.AsNoTracking().Where(d => ids.Contains(d.Id)).ToListAsync(cancellationToken)).ToDictionary(d => d.Id);
        var now = Now;
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("保证金退还清单");
        var project = rows.FirstOrDefault();
        sheet.Cell(1, 1).SetValue($"投标保证金退还清单　{project?.ProjectCode} {project?.ProjectName}　导出时间 {ChinaTime.Format(now)}");
        string[] header = ["保证金编号", "标段（包）", "投标人", "缴纳方式", "付款银行/出具机构", "付款账号/保函编号", "账户名称", "保证金（元）", "退还依据", "退还期限", "状态", "退还时间", "利息（元）", "资金占用费（元）", "合计应退（元）"];
        for (var c = 0; c < header.Length; c++)
        {
            sheet.Cell(2, c + 1).SetValue(header[c]);
        }
        sheet.Row(2).Style.Font.Bold = true;
        var r = 3;
        foreach (var v in rows)
        {
            var d = deposits[v.Id];
            var (interest, fee) = d.Status == DepositStatus.Refunded ? (d.Interest, d.LateFee) : RefundExtras(d, now);
            var transfer = d.Method == DepositMethod.BankTransfer;
            object[] values =
            [
                d.Number, d.LotNumber, d.EntityName, d.Method.Chinese(), (transfer ? d.BankName : d.GuaranteeIssuer) ?? "",
                (transfer ? d.PayerAccount : d.GuaranteeNumber) ?? "", (transfer ? d.PayerName : "") ?? "", d.Amount.Yuan, d.RefundBasis?.Chinese() ?? "",
                d.RefundLastDay is { } last ? ChinaTime.FormatDate(last) : "", d.Status.Chinese() + (d.IsRefundOverdue(now) ? "（已逾期）" : ""),
                d.RefundedUtc is { } at ? ChinaTime.Format(at) : "", interest.Yuan, fee.Yuan, transfer ? (d.Amount + interest + fee).Yuan : 0m,
            ];
            for (var c = 0; c < values.Length; c++)
            {
                var cell = sheet.Cell(r, c + 1);
                switch (values[c])
                {
                    case decimal m:
                        cell.SetValue(m);
                        cell.Style.NumberFormat.Format = "#,##0.00";
                        break;
                    case int n:
                        cell.SetValue(n);
                        break;
                    default:
                        cell.SetValue(values[c].ToString() ?? "");
                        break;
                }
            }
            r++;
        }
        // Widths set by hand: AdjustToContents needs libgdiplus and is slow.
        double[] widths = [12, 10, 30, 10, 24, 24, 30, 14, 22, 12, 14, 18, 12, 14, 14];
        for (var c = 0; c < widths.Length; c++)
        {
            sheet.Column(c + 1).Width = widths[c];
        }
        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return output.ToArray();
    }
}

using System.Globalization;
using ClosedXML.Excel;
using NingxiaTrade.Domain.Common;

namespace NingxiaTrade.Domain.Rules;

/// <summary>When <see cref="ImportResult.Errors"/> is not empty nothing was written; otherwise <see cref="Submitted"/> rules were submitted in one transaction.</summary>
public sealed record RuleImportResult(int Submitted, IReadOnlyList<ImportRowError> Errors) : ImportResult(Errors)
{
    public override string Summary => $"已报送 {Submitted} 件规则，等待合法性审核。";
}

/// <summary>The Excel layout of a batch submission: the template, and reading it back row by row.</summary>
internal static class RuleImportFile
{
    public const long MaxBytes = 2 * 1024 * 1024;
    public const int MaxRows = 500;

    public static readonly string[] Header =
        ["文件名称", "文号", "制定机关", "效力层级", "适用交易类型", "发布日期", "施行日期", "有效期至", "暂行或试行", "清理意见", "存在问题", "清理说明", "全文"];

    private static readonly double[] Widths = [40, 24, 24, 12, 30, 13, 13, 13, 11, 11, 36, 40, 60];
    private static readonly char[] ListSeparators = ['、', ',', '，', ';', '；'];

    public sealed record RuleRow(RuleForm Rule, RuleSubmission Submission);

    public static MemoryStream Template()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("规则清理报送");
        for (var c = 0; c < Header.Length; c++)
        {
            sheet.Cell(1, c + 1).SetValue(Header[c]);
            sheet.Column(c + 1).Width = Widths[c];
        }
        var header = sheet.Range(1, 1, 1, Header.Length);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = XLColor.LightGray;
        header.Style.Alignment.WrapText = true;
        // The example row is the seed's own plan, with its real date (its number is not in the seed's text).
        object[] example = ["推进提升全区公共资源交易平台建设实施方案", "", "宁夏回族自治区人民政府办公厅", "规范性文件", "工程建设招标投标、政府采购",
            "2016-02-24", "", "", "否", "保留", "", "符合上位法规定，继续有效。",
            "各市、县（区）人民政府，自治区政府各部门、各直属机构：《推进提升全区公共资源交易平台建设实施方案》已经自治区人民政府同意，现印发给你们，请认真贯彻执行。"];
        for (var c = 0; c < example.Length; c++)
        {
            sheet.Cell(2, c + 1).SetValue(example[c].ToString());
            sheet.Cell(2, c + 1).DataType = XLDataType.Text;
        }
        sheet.Range(2, 4, MaxRows + 1, 4).SetDataValidation().List($"\"{string.Join(",", RuleNames.Levels.Select(l => l.Chinese()))}\"", true);
        sheet.Range(2, 9, MaxRows + 1, 9).SetDataValidation().List("\"是,否\"", true);
        sheet.Range(2, 10, MaxRows + 1, 10).SetDataValidation().List($"\"{string.Join(",", RuleNames.Proposals.Select(p => p.Chinese()))}\"", true);
        sheet.Range(2, 6, MaxRows + 1, 8).Style.DateFormat.Format = "yyyy-mm-dd";

        var notes = workbook.AddWorksheet("填写说明");
        string[] lines =
        [
            "一行报送一件规则；带 * 的列必填：文件名称、制定机关、效力层级、适用交易类型、清理意见、全文。",
            "全文：法制审核须审阅文件内容，请粘贴文件全文（单元格最多32767字；更长的文件请在规则列表中逐件登记并上传原文附件）。",
            "文号格式如“宁政办发〔2016〕35号”或“国务院令第613号”；没有文号的（如法律）留空。",
            $"效力层级：{string.Join("、", RuleNames.Levels.Select(l => l.Chinese()))}。",
            $"适用交易类型（可多个，用“、”分隔）：{string.Join("、", TradeTypeNames.All.Select(t => t.Chinese()))}。",
            "日期填写为日期或 yyyy-MM-dd 文本；不确定的日期请留空，不要估填。",
            $"清理意见：{string.Join("、", RuleNames.Proposals.Select(p => p.Chinese()))}。",
            $"存在问题（可多个，用“、”分隔）：{string.Join("、", RuleNames.Problems.Select(p => p.Chinese()))}。",
            "任何一行有误时整个文件都不会导入，请按错误报告逐行修改后重新导入。",
        ];
        for (var i = 0; i < lines.Length; i++)
        {
            notes.Cell(i + 1, 1).SetValue(lines[i]);
        }
        notes.Column(1).Width = 110;
        sheet.SheetView.FreezeRows(1);
        var stream = new MemoryStream();
        workbook.SaveAs(stream);
        stream.Position = 0;
        return stream;
    }

    /// <summary>The template's layout; 文号 already seen in the file are remembered to report duplicates.</summary>
    public static ExcelImportLayout<RuleRow> Layout()
    {
        var seenNumbers = new Dictionary<string, int>();
        return new ExcelImportLayout<RuleRow>
        {
            Header = Header,
            MaxBytes = MaxBytes,
            MaxRows = MaxRows,
            OneRowIs = "一件规则",
            HeaderAdvice = "请下载并使用报送模板。",
            ReadRow = (cells, problems) =>
            {
                var messages = new List<string>();
                var row = ReadRow(cells, messages);
                if (row is not null)
                {
                    try
                    {
                        // The entity's own checks (lengths, date order, 文号 shape), so the row report says everything at once.
                        var number = DocumentNumbers.Normalise(row.Value.Rule.DocumentNumber);
                        if (number is not null && seenNumbers.TryGetValue(number, out var first))
                        {
                            messages.Add($"文号“{number}”与第{first}行重复。");
                        }
                        else if (number is not null)
                        {
                            seenNumbers[number] = cells.Number;
                        }
                    }
                    catch (DomainException e)
                    {
                        messages.Add(e.Message);
                    }
                }
                foreach (var message in messages)
                {
                    problems.Add(message);
                }
                return messages.Count == 0 && row is { } ok ? new RuleRow(ok.Rule, ok.Submission) : null;
            },
        };
    }

    private static (RuleForm Rule, RuleSubmission Submission)? ReadRow(ExcelRow cells, List<string> errors)
    {
        string Text(int i) => cells[i].Trimmed;
        var title = Text(0);
        if (title.Length == 0)
        {
            errors.Add("文件名称不能为空。");
        }
        var issuer = Text(2);
        if (issuer.Length == 0)
        {
            errors.Add("制定机关不能为空。");
        }
        RuleLevel level = default;
        if (!RuleNames.TryParseLevel(Text(3), out level))
        {
            errors.Add($"效力层级“{Text(3)}”无效，只能是{string.Join("、", RuleNames.Levels.Select(l => l.Chinese()))}之一。");
        }
        var types = new List<TradeType>();
        var typeTexts = Text(4).Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (typeTexts.Length == 0)
        {
            errors.Add("适用交易类型不能为空。");
        }
        foreach (var text in typeTexts)
        {
            if (RuleNames.TryParseTradeType(text, out var type))
            {
                types.Add(type);
            }
            else
            {
                errors.Add($"交易类型“{text}”无效，只能是{string.Join("、", TradeTypeNames.All.Select(t => t.Chinese()))}。");
            }
        }
        var issued = ReadDate(cells[5], "发布日期", errors);
        var effective = ReadDate(cells[6], "施行日期", errors);
        var expires = ReadDate(cells[7], "有效期至", errors);
        bool temporary = false;
        switch (Text(8))
        {
            case "" or "否":
                break;
            case "是":
                temporary = true;
                break;
            default:
                errors.Add($"暂行或试行“{Text(8)}”无效，只能填“是”或“否”（或留空）。");
                break;
        }
        RuleProposal proposal = default;
        if (!RuleNames.TryParseProposal(Text(9), out proposal))
        {
            errors.Add($"清理意见“{Text(9)}”无效，只能是{string.Join("、", RuleNames.Proposals.Select(p => p.Chinese()))}之一。");
        }
        var problems = RuleProblem.None;
        foreach (var text in Text(10).Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (RuleNames.TryParseProblem(text, out var problem))
            {
                problems |= problem;
            }
            else
            {
                errors.Add($"存在问题“{text}”无效，只能是{string.Join("、", RuleNames.Problems.Select(p => p.Chinese()))}。");
            }
        }
        if (errors.Count > 0)
        {
            return null;
        }
        var fullText = Text(12);
        var form = new RuleForm(title, Text(1), issuer, level, types, issued, effective, expires, temporary, fullText.Length == 0 ? null : fullText, null);
        try
        {
            // Every check the entity makes, before anything is written.
            var probe = new Rule(form, 0, DateTime.UnixEpoch);
            probe.Submit(proposal, problems, Text(11), null, null, null, DateTime.UnixEpoch);
        }
        catch (DomainException e)
        {
            errors.Add(e.Message);
            return null;
        }
        return (form, new RuleSubmission(proposal, problems, Text(11)));
    }

    private static DateOnly? ReadDate(ExcelCell cell, string column, List<string> errors)
    {
        if (cell.Date is { } day)
        {
            return day;
        }
        var text = cell.Trimmed;
        if (text.Length == 0)
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy年M月d日"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        errors.Add($"{column}“{text}”无法识别，请填写日期或 yyyy-MM-dd 格式的文本（如 2016-02-24）。");
        return null;
    }
}

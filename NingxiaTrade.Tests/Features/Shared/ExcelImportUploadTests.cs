using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using MudBlazor.Services;
using NingxiaTrade.Domain.Calendar;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Workbench.Components.Shared;

namespace NingxiaTrade.Tests.Features.Shared;

/// <summary>The one upload + error report component of the four import pages.</summary>
public sealed class ExcelImportUploadTests : BunitContext
{
    public ExcelImportUploadTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    private IRenderedComponent<ExcelImportUpload> Upload(Func<IBrowserFile, Stream, CancellationToken, Task<ImportResult>> import, Action? imported = null)
    {
        Render<MudPopoverProvider>();
        var cut = Render<ExcelImportUpload>(p => p
            .Add(c => c.Text, "导入 Excel")
            .Add(c => c.MaxBytes, 2 * 1024 * 1024)
            .Add(c => c.Import, import)
            .Add(c => c.Imported, () => imported?.Invoke()));
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary([1, 2, 3], "2027.xlsx"));
        return cut;
    }

    [Fact]
    public void Upload_RowsRefused_ShowsEveryRowWithColumnAndReason()
    {
        var cut = Upload((_, _, _) => Task.FromResult<ImportResult>(new HolidayImportResult(0, 0, 0,
        [
            new ImportRowError(3, "类型（单元格 B3）是公式，计算结果为错误值 #DIV/0!，请改正公式或直接填写内容。", "类型"),
            new ImportRowError(7, "名称不能为空。"),
        ])));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll(".import-errors tbody tr").Count));
        var cells = cut.FindAll(".import-errors tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(["第 3 行", "类型", "类型（单元格 B3）是公式，计算结果为错误值 #DIV/0!，请改正公式或直接填写内容。"], cells[0]);
        Assert.Equal(["第 7 行", "", "名称不能为空。"], cells[1]);
        Assert.Contains("未写入任何数据", cut.Find(".import-report").TextContent);
    }

    [Fact]
    public void Upload_FileRefused_ShowsTheReason()
    {
        var cut = Upload((_, _, _) => throw new DomainException("导入超过 60 秒仍未完成，已停止，未写入任何数据。请拆分文件后分批导入。"));

        cut.WaitForAssertion(() => Assert.Equal("导入未成功：导入超过 60 秒仍未完成，已停止，未写入任何数据。请拆分文件后分批导入。", cut.Find(".import-report").TextContent.Trim()));
    }

    [Fact]
    public void Upload_Saved_ShowsSummaryAndRaisesImported()
    {
        var raised = false;
        var cut = Upload((_, _, _) => Task.FromResult<ImportResult>(new HolidayImportResult(2, 1, 0, [])), () => raised = true);

        cut.WaitForAssertion(() => Assert.Contains("导入成功：新增 2 条，更新 1 条，未变 0 条。", cut.Find(".import-ok").TextContent));
        Assert.True(raised);
        Assert.Empty(cut.FindAll(".import-report"));
    }
}

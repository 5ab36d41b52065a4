using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Rules;
using NingxiaTrade.Workbench.Components.Shared.Forms;
using NingxiaTrade.Workbench.Features.Rules.Components;

namespace NingxiaTrade.Workbench.Features.Rules.Pages;

public partial class RuleEditPage
{
    /// <summary>The largest original a department attaches.</summary>
    private const long MaxAttachmentBytes = 10 * 1024 * 1024;

    [Parameter] public Guid? Id { get; set; }

    [Inject] private RuleInventory Inventory { get; set; } = default!;
    [Inject] private RuleAttachments Attachments { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private RuleFormModel? _model;
    private EditContext _context = new(new object());
    private WholeFormValidator? _validator;

    private IReadOnlyList<string> TradeTypeErrors => _model is null ? [] : _context.GetValidationMessages(() => _model.TradeTypes).ToList();
    private LegalityReview? _returned;
    private string? _attachment;
    private bool _canSaveDraft = true;
    private bool _saving;
    private string? _error;

    protected override async Task OnParametersSetAsync()
    {
        _error = null;
        if (Id is not { } id)
        {
            _model = new RuleFormModel();
            _context = new EditContext(_model);
            return;
        }
        try
        {
            var detail = await Inventory.GetAsync(id);
            if (!detail.CanEdit)
            {
                _error = $"该规则当前状态为“{detail.Rule.Status.Chinese()}”，不能修改或报送。";
                return;
            }
            _model = RuleFormModel.From(detail.Rule);
            _context = new EditContext(_model);
            _attachment = detail.Rule.AttachmentPath;
            _canSaveDraft = detail.Rule.Status == RuleStatus.Draft;
            _returned = detail.Rule.Status == RuleStatus.Returned ? detail.Rule.LatestReview?.Legality : null;
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
        }
    }

    private async Task AttachAsync(IBrowserFile? file)
    {
        if (file is null)
        {
            return;
        }
        try
        {
            await using var stream = file.OpenReadStream(MaxAttachmentBytes + 1);
            _attachment = await Attachments.SaveAsync(file.Name, file.Size, stream, MaxAttachmentBytes);
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
        }
    }

    private async Task SaveAsync(bool submit)
    {
        if (_model is null)
        {
            return;
        }
        // Every wrong field is marked at once; nothing is sent while any is wrong.
        if (!_context.Validate())
        {
            return;
        }
        _saving = true;
        _error = null;
        try
        {
            var form = _model.ToForm(_attachment);
            var submission = submit ? _model.ToSubmission() : null;
            var id = Id;
            if (id is null)
            {
                id = await Inventory.CreateAsync(form, submission);
            }
            else
            {
                await Inventory.ChangeAsync(id.Value, form, submission);
            }
            // Success is read back from the saved rule, never assumed from the call having returned.
            var saved = (await Inventory.GetAsync(id.Value)).Rule;
            if (!RuleFormModel.SameText(saved.FullText, form.FullText))
            {
                _error = "保存未完成：已保存的内容与填写的不一致，请检查网络连接后重新保存。";
                return;
            }
            var length = saved.FullText?.Length ?? 0;
            Snackbar.Add((submit ? "已提交合法性审核" : "草稿已保存") + (length > 0 ? $"（全文 {length:N0} 字）。" : "（未填写全文）。"), Severity.Success);
            Navigation.NavigateTo($"/rules/{id}");
        }
        catch (FormValidationException ex)
        {
            _validator?.Show(ex.Errors);
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
        }
        finally
        {
            _saving = false;
        }
    }
}

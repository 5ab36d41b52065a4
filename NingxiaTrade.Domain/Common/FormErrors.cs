namespace NingxiaTrade.Domain.Common;

/// <summary>One refused field of a form: its path as the form names it (<c>Name</c>, <c>Lots[1].Price</c>) and why, in Chinese.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>
/// A form refused as a whole: every wrong field at once, not only the first, so the screen can mark each one.
/// Its message lists them all for callers that show a single line.
/// </summary>
public sealed class FormValidationException(IReadOnlyList<FieldError> errors)
    : DomainException(string.Join("；", errors.Select(e => e.Message.TrimEnd('。'))) + "。")
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;
}

/// <summary>Collects the errors of one form; <see cref="ThrowIfAny"/> refuses it with all of them.</summary>
public sealed class FormErrors
{
    private readonly List<FieldError> _errors = [];

    public IReadOnlyList<FieldError> All => _errors;

    public bool IsEmpty => _errors.Count == 0;

    public void Add(string field, string message) => _errors.Add(new FieldError(field, message));

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new FormValidationException([.. _errors]);
        }
    }
}

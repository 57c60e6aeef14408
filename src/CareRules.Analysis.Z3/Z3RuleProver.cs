using CareRules.Evaluation;

namespace CareRules.Analysis.Z3;

/// <summary>
/// Proves dead rules with the Z3 SMT solver: a rule's condition (fact definitions inlined) is translated to linear
/// arithmetic over the case's numbers, dates, enums and flags with the model's invariants, and Z3 is asked whether it
/// can hold. "unsat" is a proof that the rule can never fire; "sat" gives values (a candidate: calls the translation
/// does not model are free variables). Give it to <see cref="AnalysisOptions.Prover"/>. Thread-safe (the solver is
/// called under a lock).
/// </summary>
/// <remarks>The native library comes from the Microsoft.Z3 package on Windows and macOS; on Linux install the
/// distribution's (Debian: <c>apt-get install libz3-4</c>). <see cref="IsAvailable"/> says whether it loaded.</remarks>
public sealed class Z3RuleProver : IRuleProver
{
    /// <summary>The one prover (it holds no state).</summary>
    public static Z3RuleProver Instance { get; } = new();

    /// <summary>True when the Z3 native library loaded.</summary>
    public static bool IsAvailable => Z3Native.Version is not null;

    /// <summary>The Z3 version in use, or null when the native library is missing.</summary>
    public static string? Version => Z3Native.Version;

    /// <inheritdoc />
    public RuleProof Prove(CompiledPack pack, string ruleId)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(ruleId);
        if (Z3Native.Version is not { } version)
        {
            return new RuleProof(ProofOutcome.Unknown, "the Z3 native library is not installed");
        }

        if (ConditionTrees.Of(ConditionTrees.Rule(pack, ruleId)) is not { } tree)
        {
            return new RuleProof(ProofOutcome.Unknown, "its condition is a compiled delegate, which the solver cannot read");
        }

        var translator = new SmtTranslator(tree.Context);
        string script;
        try
        {
            script = translator.Script(tree.Body);
        }
        catch (NotSupportedException ex)
        {
            return new RuleProof(ProofOutcome.Unknown, "its condition is not linear arithmetic over the case (" + ex.Message + ")");
        }

        string answer = Z3Native.Run(script).Trim();
        string abstracted = translator.Abstracted == 0 ? "" : $", {translator.Abstracted} computed term(s) left free";
        if (answer.StartsWith("unsat", StringComparison.Ordinal))
        {
            return new RuleProof(ProofOutcome.Unsatisfiable, $"Z3 {version}: unsat{abstracted}");
        }

        if (answer.StartsWith("sat", StringComparison.Ordinal))
        {
            string values = translator.GetValues();
            string model = values.Length == 0 ? "" : string.Join(' ', Z3Native.Run(script + values).Trim()["sat".Length..]
                .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            return new RuleProof(ProofOutcome.Satisfiable, $"Z3 {version}: sat{abstracted}: {model}");
        }

        return new RuleProof(ProofOutcome.Unknown, $"Z3 {version}: {answer}");
    }

    /// <summary>The SMT-LIB 2 script the prover sends for <paramref name="ruleId"/> (for docs and debugging), or null for a delegate condition.</summary>
    public static string? Script(CompiledPack pack, string ruleId)
    {
        ArgumentNullException.ThrowIfNull(pack);
        return ConditionTrees.Of(ConditionTrees.Rule(pack, ruleId)) is { } tree ? new SmtTranslator(tree.Context).Script(tree.Body) : null;
    }
}

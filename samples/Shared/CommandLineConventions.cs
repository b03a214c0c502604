using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Diagnostics.CodeAnalysis;
using System.IO;

namespace SampleCommandLine;

/// <summary>Turns one argument into a value; false when the argument is not one.</summary>
internal delegate bool ValueParser<T>(string text, [MaybeNullWhen(false)] out T value);

/// <summary>
/// The samples' command-line conventions, on System.CommandLine. An option that takes a value takes the
/// next argument, unless that starts with <c>--</c> (then it "needs a value"), and the last one given
/// wins; a switch takes no value. <c>-h</c>/<c>--help</c> prints the help on stdout and exits 0; the help
/// ends with what the options cannot say (credentials, exit codes). A usage error prints its message
/// and the help on stderr and exits 2. Arguments are taken literally: no <c>@file</c> response files,
/// and no <c>--version</c>.
/// </summary>
internal static class CommandLineConventions
{
    /// <summary>The exit code of a usage error.</summary>
    public const int UsageErrorExitCode = 2;

    /// <summary>An option that takes a string: <c>name &lt;helpName&gt;</c>.</summary>
    public static Option<string> Value(string name, string helpName, string description) =>
        Value(name, helpName, description, static (string text, [MaybeNullWhen(false)] out string value) => { value = text; return true; }, invalid: static _ => string.Empty);

    /// <summary>An option that takes a value <paramref name="parse"/> accepts; <paramref name="invalid"/> says why an argument is not one.</summary>
    public static Option<T> Value<T>(string name, string helpName, string description, ValueParser<T> parse, Func<string, string> invalid)
    {
        // ZeroOrMore so that a repeated option reaches the parser (the last one wins) and a missing value gets the samples' message.
        var option = new Option<T>(name) { Description = description, HelpName = helpName, Arity = ArgumentArity.ZeroOrMore };
        option.CustomParser = result =>
        {
            IReadOnlyList<Token>? tokens = ValuesOf(result, name);
            if (tokens is null)
            {
                return default;
            }

            string text = tokens[^1].Value;
            if (parse(text, out T? value))
            {
                return value;
            }

            result.AddError(invalid(text));
            return default;
        };
        return option;
    }

    /// <summary>An option that may be given several times, each with one value <paramref name="parse"/> accepts.</summary>
    public static Option<List<T>> Repeatable<T>(string name, string helpName, string description, ValueParser<T> parse, Func<string, string> invalid)
    {
        var option = new Option<List<T>>(name) { Description = description, HelpName = helpName, Arity = ArgumentArity.ZeroOrMore };
        option.CustomParser = result =>
        {
            var values = new List<T>();
            foreach (Token token in ValuesOf(result, name) ?? Array.Empty<Token>())
            {
                if (!parse(token.Value, out T? value))
                {
                    result.AddError(invalid(token.Value));
                    break;
                }

                values.Add(value);
            }

            return values;
        };
        return option;
    }

    /// <summary>An option that takes no value: given or not.</summary>
    public static Option<bool> Switch(string name, string description) =>
        new(name) { Description = description, Arity = ArgumentArity.Zero };

    /// <summary>The command: <paramref name="options"/>, the help option, and <paramref name="epilogue"/> after the help's option list.</summary>
    public static RootCommand Root(string description, string epilogue, params Option[] options)
    {
        var root = new RootCommand(description);
        for (int i = root.Options.Count - 1; i >= 0; i--)
        {
            switch (root.Options[i])
            {
                case VersionOption:
                    root.Options.RemoveAt(i);
                    break;
                case HelpOption { Action: HelpAction help } helpOption:
                    helpOption.Action = new HelpWithEpilogue(help, epilogue);
                    break;
            }
        }

        foreach (Option option in options)
        {
            root.Options.Add(option);
        }

        return root;
    }

    /// <summary>Parses <paramref name="args"/> literally (an argument starting with <c>@</c> is a value, not a file to read).</summary>
    public static ParseResult Parse(RootCommand root, IReadOnlyList<string> args) =>
        root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });

    /// <summary>
    /// The exit code when the program ends with parsing: 0 after printing the help, 2 after printing a
    /// usage error (its message, then the help, on stderr); null when the program goes on.
    /// </summary>
    public static int? EndsHere(ParseResult parsed)
    {
        // A mistake is reported even beside -h, as the samples always have (System.CommandLine would show the help).
        if (parsed.Errors.Count > 0)
        {
            // These commands have no arguments, subcommands or command-wide checks, so an error on the
            // command itself is an argument it did not recognise, one per token: named as the samples always have.
            int unknown = 0;
            foreach (ParseError error in parsed.Errors)
            {
                bool unrecognized = error.SymbolResult is CommandResult && unknown < parsed.UnmatchedTokens.Count;
                Console.Error.WriteLine(unrecognized ? $"Unknown argument '{parsed.UnmatchedTokens[unknown++]}'." : error.Message);
            }

            WriteHelp(parsed.RootCommandResult.Command, Console.Error);
            return UsageErrorExitCode;
        }

        // The only action is the help's: the program itself runs after parsing.
        return parsed.Action is null ? null : parsed.Invoke();
    }

    /// <summary>Prints <paramref name="message"/> and the help of <paramref name="command"/> on stderr; returns the exit code, 2.</summary>
    public static int UsageError(Command command, string message)
    {
        Console.Error.WriteLine(message);
        WriteHelp(command, Console.Error);
        return UsageErrorExitCode;
    }

    /// <summary>Writes the help of <paramref name="command"/> to <paramref name="output"/>.</summary>
    public static void WriteHelp(Command command, TextWriter output) =>
        command.Parse(new[] { "--help" }).Invoke(new InvocationConfiguration { Output = output });

    /// <summary>Every value given to the option, one per occurrence; null (and the error added) when one is missing.</summary>
    private static IReadOnlyList<Token>? ValuesOf(ArgumentResult result, string name)
    {
        int occurrences = result.Parent is OptionResult option ? option.IdentifierTokenCount : 1;
        bool missing = result.Tokens.Count < occurrences;
        foreach (Token token in result.Tokens)
        {
            // The next option, not a value: "--region --json" is a --region without one.
            missing |= token.Value.StartsWith("--", StringComparison.Ordinal);
        }

        if (missing)
        {
            result.AddError($"{name} needs a value.");
            return null;
        }

        return result.Tokens;
    }

    /// <summary>The generated help, then the text the options cannot carry.</summary>
    private sealed class HelpWithEpilogue : SynchronousCommandLineAction
    {
        private readonly HelpAction _help;
        private readonly string _epilogue;

        public HelpWithEpilogue(HelpAction help, string epilogue)
        {
            _help = help;
            _epilogue = epilogue;
        }

        public override int Invoke(ParseResult parseResult)
        {
            int exitCode = _help.Invoke(parseResult);
            parseResult.InvocationConfiguration.Output.WriteLine(_epilogue);
            return exitCode;
        }
    }
}

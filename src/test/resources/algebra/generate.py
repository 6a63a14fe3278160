#!/usr/bin/env python3
"""Reference results for dotbar's expand / factor / together / collect / simplify, computed by SymPy.

Run from this directory with python3 and sympy 1.14:  python3 generate.py
It rewrites the sympy-*.tsv files beside it. Inputs are written in dotbar's syntax (^ for powers);
outputs are SymPy's, printed back in dotbar's syntax so that the Java test can parse both sides.
The test compares by polynomial structure (both sides read into dotbar's exact polynomial form),
never by string.
"""
import sympy as sp
from sympy import sqf_list, factor_list

x, y, z, a, b, c, d = sp.symbols('x y z a b c d')
NS = {n: sp.Symbol(n) for n in 'x y z a b c d'.split()}
NS.update(sin=sp.sin, cos=sp.cos, tan=sp.tan, exp=sp.exp, log=sp.log, sinh=sp.sinh, cosh=sp.cosh, tanh=sp.tanh)


def parse(text):
    return sp.sympify(text.replace('^', '**'), locals=NS)


def show(e):
    return sp.sstr(e, order='lex').replace('**', '^')


EXPAND = [
    "(x+1)^3", "(a*b+c)*d", "(x+y)^2 - (x-y)^2", "(x+y+z)^3", "(1-x)*(1+x)", "(2*x-3)^5",
    "(x/2 + 1/3)^2", "(a+b)*(c+d)*(a-b)", "x*(x+1)*(x+2)*(x+3)", "(x^2+x+1)*(x^2-x+1)",
    "(x+1)^10", "(sin(x)+cos(x))^2", "(exp(x)+1)*(exp(x)-1)", "(a+b+c+d)^2", "(x-y)^4*(x+y)",
    "3*(x+2)^2 - 3*x^2",
]

# input; whether dotbar's factor claims the complete factorisation over Q (else only the square-free one)
FACTOR = [
    ("x^2-1", True), ("x^3-x", True), ("x^2+2*x+1", True), ("2*x*y+4*x", True), ("x^4-1", True),
    ("(x+1)^3*(x-2)^2", True), ("6*x^2-5*x+1", True), ("x^2*y^2+2*x*y^2+y^2", True),
    ("x^5-x^4-2*x^3+2*x^2+x-1", True), ("4*x^2-9", True), ("x^3+1", True), ("x^6-1", False),
    ("(x^2+1)^2*(x^2+2)", True), ("x^2-2", True), ("3*x^3+6*x^2+3*x", True),
    ("x*y+x+y+1", True), ("(x+y)^2*(x-1)", True), ("a^2*b+a*b^2", True),
    ("x^2-y^2", False), ("x^4+4", False), ("x^3*y - x*y^3", False), ("(x^2-y^2)^2", False),
    ("x^4+x^2+1", False),
]

TOGETHER = [
    "1/x + 1/y", "1/x + 1/x^2", "x/2 + 1/3", "1/(x-1) - 1/(x+1)", "(x^2-1)/(x-1)",
    "a/b + c/d", "1/(x*y) + 1/(x*z)", "x/(x+1) + 1/(x+1)", "1/(x^2-1) + 1/(x+1)",
    "(1/x - 1/y)/(x - y)", "1 + 1/(1 + 1/x)",
]

COLLECT = [
    ("a*x + b*x + c", "x"), ("a*x^2 + b*x^2 + a*x - b*x + c", "x"), ("(x+a)^2*(x-b)", "x"),
    ("x*y + x*z + y*z", "x"), ("a*x + b*y + c*x + d*y", "y"), ("(x+1)^3", "x"),
]

# input; SymPy's simplify result is compared with dotbar's by structure, so only inputs whose
# simplified forms are in the same atoms are listed
SIMPLIFY = [
    "sin(x)^2 + cos(x)^2", "cosh(x)^2 - sinh(x)^2", "sin(x)^2 + cos(x)^2 + y", "1 - sin(x)^2",
    "(x^2-1)/(x-1)", "(x+1)^2 - x^2 - 2*x", "cos(x)/x - sin(x)/x^2 - (x*cos(x) - sin(x))/x^2",
    "x/(x+1) + 1/(x+1)", "exp(log(x))", "sin(-x) + sin(x)", "cos(-x) - cos(x)",
    "(sin(x)^2 + cos(x)^2)*y", "1/(1+exp(-x)) - exp(x)/(exp(x)+1)",
]


def write(name, header, rows):
    with open(f'sympy-{name}.tsv', 'w') as f:
        f.write('# ' + '\t'.join(header) + '\n')
        f.write('# computed by generate.py with sympy ' + sp.__version__ + '\n')
        for r in rows:
            f.write('\t'.join(r) + '\n')


def listing(pairs):
    return '|'.join(f'{m}:{show(p)}' for p, m in pairs)


write('expand', ['input', 'sympy.expand'], [(e, show(sp.expand(parse(e)))) for e in EXPAND])
rows = []
for e, full in FACTOR:
    p = parse(e)
    _, sq = sqf_list(p)
    _, fl = factor_list(p)
    rows.append((e, show(sp.factor(p)), listing(sq), listing(fl), 'full' if full else 'sqf'))
write('factor', ['input', 'sympy.factor', 'sympy.sqf_list', 'sympy.factor_list', 'dotbar claims'], rows)
write('together', ['input', 'sympy.together'], [(e, show(sp.together(parse(e)))) for e in TOGETHER])
write('collect', ['input', 'symbol', 'sympy.collect'], [(e, v, show(sp.collect(sp.expand(parse(e)), NS[v]))) for e, v in COLLECT])
write('simplify', ['input', 'sympy.simplify'], [(e, show(sp.simplify(parse(e)))) for e in SIMPLIFY])

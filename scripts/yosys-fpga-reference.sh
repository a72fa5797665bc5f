#!/bin/sh
# Synthesises addersim's adders, |a-b| units, accumulators and multipliers for AMD/Xilinx
# 7-series with yosys (`synth_xilinx -family xc7 -nodsp`) at widths 4 to 16 and writes the LUT
# and CARRY4 counts as JSON: the reference the FPGA cost model is tested against
# (test/cost/fpga-yosys.test.ts). Two forms of each circuit:
#   structural  the Verilog `addersim datapath --verilog` exports (gates; abc maps them to LUTs,
#               so no carry chain is inferred)
#   behavioural the same function written with + and * (yosys maps arithmetic onto CARRY4
#               chains, as a designer's RTL would), which is what the table's rules describe;
#               the accumulator as acc <= (clear ? 0 : acc) + x, so the clear gates the
#               adder's input inside its LUTs (addersim's acc also loads x on clear)
# Usage: scripts/yosys-fpga-reference.sh > cost-tables/reference/yosys-xilinx-7series.json
# (from the package root, after `npm run build`). Circuit names as arguments (add absdiff acc
# mul) limit the run to those; the default is all four.
set -eu
circuits=${*:-add absdiff acc mul}
cli="node dist/src/cli/bin.js"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
script_of() { echo "synth_xilinx -family xc7 -nodsp -flatten -top $1; tee -o $2 stat"; }
count() { # file top -> "luts carry4"
  yosys -q -p "$(script_of "$2" "$work/stat.txt")" "$1" >/dev/null 2>&1
  awk '/^ +LUT[1-6] /{l+=$2} /^ +CARRY4 /{c+=$2} END{printf "%d %d", l, c}' "$work/stat.txt"
}
behavioural() { # circuit n -> Verilog text
  n=$2; m=$((n - 1))
  case $1 in
    add) printf 'module top(input [%d:0] a, input [%d:0] b, input cin, output [%d:0] sum, output cout);\n  assign {cout, sum} = a + b + cin;\nendmodule\n' $m $m $m ;;
    absdiff) printf 'module top(input signed [%d:0] a, input signed [%d:0] b, output [%d:0] y);\n  wire signed [%d:0] d = a - b;\n  assign y = d[%d] ? -d : d;\nendmodule\n' $m $m $n $n $n ;;
    acc) printf 'module top(input clk, input [%d:0] x, input clear, output reg [%d:0] acc);\n  always @(posedge clk) acc <= (clear ? 0 : acc) + x;\nendmodule\n' $m $m ;;
    mul) printf 'module top(input signed [%d:0] a, input signed [%d:0] b, output signed [%d:0] p);\n  assign p = a * b;\nendmodule\n' $m $m $((2 * n - 1)) ;;
  esac
}
flags_of() {
  case $1 in
    add) echo "--op add --arch ripple-carry" ;;
    absdiff) echo "--op absdiff --arch sub-negate --signed" ;;
    acc) echo "--op acc --arch wrap" ;;
    mul) echo "--op mul --arch array --signed" ;;
  esac
}
echo '{'
echo "  \"yosys\": \"$(yosys -V | tr -d '"')\","
echo "  \"script\": \"$(script_of '<top>' '<file>')\","
echo '  "generator": "scripts/yosys-fpga-reference.sh",'
echo '  "circuits": ['
first=1
for circuit in ${circuits}; do
  for n in 4 6 8 10 12 16; do
    # shellcheck disable=SC2046
    $cli datapath $(flags_of $circuit) --bits "$n" --verilog "$work/s.v" --quiet >/dev/null
    top=$(awk '/^module /{print $2; exit}' "$work/s.v")
    set -- $(count "$work/s.v" "$top")
    sl=$1; sc=$2
    behavioural $circuit "$n" > "$work/b.v"
    set -- $(count "$work/b.v" top)
    [ $first = 1 ] || echo ','
    first=0
    printf '    {"circuit": "%s", "bits": %d, "datapath": "%s", "structural": {"luts": %d, "carry4": %d}, "behavioural": {"luts": %d, "carry4": %d}}' \
      $circuit "$n" "$(flags_of $circuit)" "$sl" "$sc" "$1" "$2"
  done
done
echo
echo '  ]'
echo '}'

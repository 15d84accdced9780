# The app's fonts cut down to the characters it draws (wasm/platform/glyph_ranges.hpp): two full
# Inter fonts are 530 KB; the subsets about 44 KB, which is what a phone on a slow line waits for
# before the login appears. hb-subset comes from Debian (libharfbuzz-bin, scripts/deps.sh). Dropped
# besides the other characters: what ImGui 1.86 never reads (GSUB/GPOS/GDEF layout, hinting) and
# the CFF subroutines (the plain outlines compress better with brotli and gzip).
#
# kimonet_subset_fonts(<target> <output dir>) adds <target>, which writes <output dir>/Inter-Regular.otf
# and Inter-SemiBold.otf; KIMONET_SUBSET_FONTS (parent scope) lists them.
set(KIMONET_FONT_DIR /usr/share/fonts/opentype/inter CACHE PATH "Inter fonts (fonts-inter)")
set(KIMONET_GLYPH_RANGES_HEADER ${CMAKE_SOURCE_DIR}/wasm/platform/glyph_ranges.hpp)

function(kimonet_subset_fonts target output_dir)
  find_program(KIMONET_HB_SUBSET hb-subset REQUIRED)
  # The ranges are read here, at configure time: a change to the header configures again.
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${KIMONET_GLYPH_RANGES_HEADER})
  file(STRINGS ${KIMONET_GLYPH_RANGES_HEADER} lines REGEX "^ *0x[0-9A-Fa-f]+, *0x[0-9A-Fa-f]+,")
  set(unicodes)
  foreach(line ${lines})
    string(REGEX MATCH "^ *0x([0-9A-Fa-f]+), *0x([0-9A-Fa-f]+)," pair "${line}")
    list(APPEND unicodes "${CMAKE_MATCH_1}-${CMAKE_MATCH_2}")
  endforeach()
  if(NOT unicodes)
    message(FATAL_ERROR "no glyph ranges read from ${KIMONET_GLYPH_RANGES_HEADER}")
  endif()
  list(JOIN unicodes "," unicodes)
  set(outputs)
  foreach(name Inter-Regular Inter-SemiBold)
    set(source ${KIMONET_FONT_DIR}/${name}.otf)
    if(NOT EXISTS ${source})
      message(FATAL_ERROR "Font ${source} missing; install fonts-inter (make deps)")
    endif()
    set(output ${output_dir}/${name}.otf)
    add_custom_command(OUTPUT ${output}
      COMMAND ${CMAKE_COMMAND} -E make_directory ${output_dir}
      COMMAND ${KIMONET_HB_SUBSET} ${source} --unicodes=${unicodes} --drop-tables+=GSUB,GPOS,GDEF
              --no-hinting --desubroutinize --output-file=${output}
      DEPENDS ${source} ${KIMONET_GLYPH_RANGES_HEADER}
      COMMENT "Subsetting ${name} to ${unicodes}"
      VERBATIM)
    list(APPEND outputs ${output})
  endforeach()
  add_custom_target(${target} DEPENDS ${outputs})
  set(KIMONET_SUBSET_FONTS ${outputs} PARENT_SCOPE)
endfunction()
